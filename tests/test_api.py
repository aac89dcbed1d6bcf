"""The JSON API through Flask's test client, each response checked against the OpenAPI document."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_spec_validator import validate as validate_spec

from search_service.app import create_app
from search_service.search import MAX_PAGE_SIZE
from search_service.similarity import SIMILAR_ENOUGH


@pytest.fixture(scope="module")
def openapi(web_index: Path) -> OpenAPI:
    """The app's own OpenAPI document, itself checked against the OpenAPI 3.1 schema."""
    document = create_app(index_dir=web_index).test_client().get("/api/openapi.json").get_json()
    validate_spec(document)
    return OpenAPI.from_dict(document)  # slow (a second): once per module


def call(client: FlaskClient, openapi: OpenAPI, url: str, status: int = 200) -> Any:
    """GET an API URL and check the response against the OpenAPI document; return its JSON."""
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/json"
    openapi.validate_response(WerkzeugOpenAPIRequest(response.request),
                              WerkzeugOpenAPIResponse(response))
    return response.get_json()


def test_search_returns_results_facets_paging_and_the_request(client, openapi):
    body = call(client, openapi, "/api/search?q=pothole&page_size=3&kind=qa&kind=statement")
    assert body["query"] == "pothole" and body["filters"] == {"kind": ["qa", "statement"]}
    assert body["total"] > 3 and len(body["results"]) == 3
    assert body["pages"] == -(-body["listed"] // 3) and body["listed"] <= body["total"]
    kinds = {value["value"]: value for value in body["facets"]["kind"]}
    assert kinds["qa"]["selected"] and not kinds.get("decision", {"selected": False})["selected"]
    hit = body["results"][0]
    assert hit["links"]["page"] == f"/passages/{hit['id']}"
    assert hit["links"]["api"] == f"/api/passages/{hit['id']}"
    assert "<mark" in "".join(hit["highlights"].values())


@pytest.mark.parametrize("url", [
    "/api/search",
    "/api/search?q=council&sort=newest&page=2",
    "/api/search?q=%22Members+Question+Time%22&year=2018&year=2022",
    "/api/search?q=school&from=2020-01-01&to=2022-12-31&committee=Schools+Forum",
    "/api/search?q=inspecton",
    "/api/search?q=zebra+quango",
])
def test_every_search_response_matches_the_openapi_document(client, openapi, url):
    call(client, openapi, url)


def test_the_page_and_the_api_agree(client, openapi):
    body = call(client, openapi, "/api/search?q=school&committee=Schools+Forum")
    page = client.get("/?q=school&committee=Schools+Forum").get_data(as_text=True)
    assert f"{body['total']} passages for" in page
    for hit in body["results"]:
        assert f'href="{hit["links"]["page"]}"' in page


def test_group_none_lists_every_passage_of_an_item_in_rank_order(client, openapi):
    grouped = call(client, openapi, "/api/search?q=pothole&page_size=50")
    every = call(client, openapi, "/api/search?q=pothole&page_size=50&group=none")
    assert max(hit["more_in_item"] for hit in grouped["results"]) > 0
    assert len(every["results"]) == every["total"] > len(grouped["results"])
    assert {hit["more_in_item"] for hit in every["results"]} == {0}


def test_a_misspelt_query_gets_a_suggestion(client, openapi):
    body = call(client, openapi, "/api/search?q=inspecton")
    assert body["total"] == 0 and body["suggestion"]
    assert call(client, openapi, f"/api/search?q={body['suggestion']}")["total"] > 0


def test_highlights_escape_markup_from_the_minutes(client, openapi):
    body = call(client, openapi, "/api/search?q=overview+role")
    fragments = "".join("".join(hit["highlights"].values()) for hit in body["results"])
    assert "&lt;script&gt;" in fragments and "<script" not in fragments
    assert any("<script>" in hit["text"] for hit in body["results"]), "text is the raw minutes"


def test_a_passage_comes_with_its_meeting_neighbours_and_similar_passages(client, openapi):
    hit = call(client, openapi, "/api/search?q=question:Hilton")["results"][0]
    body = call(client, openapi, hit["links"]["api"])
    assert body["passage"]["id"] == hit["id"]
    assert body["meeting"]["id"] == hit["meeting_id"]
    assert body["previous"] or body["next"]
    for neighbour in filter(None, (body["previous"], body["next"])):
        assert neighbour["item_title"] == hit["item_title"]
        assert neighbour["meeting_id"] == hit["meeting_id"]
    # Only questions on its subject, if any (tests/test_similar.py), each with its similarity.
    assert all(SIMILAR_ENOUGH <= other["score"] <= 1 for other in body["similar"])
    assert all(other["meeting_id"] != hit["meeting_id"] for other in body["similar"])
    assert all(other["kind"] == "qa" for other in body["similar"]), "questions match questions"


def test_a_meeting_comes_with_its_items_in_order(client, openapi):
    hit = call(client, openapi, "/api/search?council=South+Ashworth")["results"][0]
    body = call(client, openapi, f"/api/meetings/{hit['meeting_id']}")
    assert body["meeting"]["council"] == "South Ashworth"
    assert [item["number"] for item in body["items"]] == ["50", "51", "52"]
    assert sum(len(item["passages"]) for item in body["items"]) == body["meeting"]["passages"]


@pytest.mark.parametrize("url, message", [
    ("/api/search?page=0", "page must be between 1 and 1000"),
    (f"/api/search?page_size={MAX_PAGE_SIZE + 1}", "page size must be between 1 and 100"),
    ("/api/search?q=" + "x" * 501, "the limit is 500"),
    ("/api/search?sort=best", "sort must be one of"),
    ("/api/search?to=yesterday", "'to' must be a date"),
    ("/api/search?q=pothole&group=item", "'group' must be 'none'"),
])
def test_bad_parameters_get_http_400_with_a_json_error(client, openapi, url, message):
    body = call(client, openapi, url, status=400)
    assert body["error"]["status"] == 400 and message in body["error"]["message"]


@pytest.mark.parametrize("url", ["/api/passages/nope", "/api/meetings/nope"])
def test_unknown_ids_get_http_404_with_a_json_error(client, openapi, url):
    body = call(client, openapi, url, status=404)
    assert body["error"]["status"] == 404 and "nope" in body["error"]["message"]


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_the_openapi_document_names_the_server_it_came_from(client):
    document = client.get("/api/openapi.json", base_url="https://minutes.example").get_json()
    assert document["servers"] == [{"url": "https://minutes.example"}]
    assert set(document["paths"]) == {"/api/search", "/api/passages/{passage_id}",
                                      "/api/meetings/{meeting_id}", "/api/people/{name}",
                                      "/api/glossary", "/api/openapi.json"}


def test_a_person_comes_with_what_they_asked_and_were_told(client, openapi):
    body = call(client, openapi, "/api/people/Cllr%20Hilton")
    assert body["names"] == ["Councillor Hilton"] and body["total"] >= 5
    roles = {role for group in body["groups"] for p in group["passages"] for role in p["roles"]}
    assert "asked" in roles
    call(client, openapi, "/api/people/Nobody%20Known", status=404)


@pytest.mark.parametrize("query", [
    '"', "(", "AND", "NOT", "question:", "*", "a*", "~", "^", "-", "date:xyz", "year:abc",
    "[x TO y]", "{a TO}", "record:source", "source_url:x", "/regex/", '"unclosed phrase',
    "((((((((((x", "ä ö ü", "\x00", "schoo*", "school~2", "date:[2018 TO 2019]",
])
def test_odd_query_syntax_never_breaks_the_search(client, openapi, query):
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    body = response.get_json()
    openapi.validate_response(WerkzeugOpenAPIRequest(response.request),
                              WerkzeugOpenAPIResponse(response))
    if response.status_code == 200:
        assert all(hit["id"] for hit in body["results"]), "only passages are found"


def test_a_search_says_which_acronyms_and_long_forms_it_also_searched(client, openapi):
    body = call(client, openapi, "/api/search?q=MASH")
    assert body["expansions"] == [{"typed": "MASH", "also": ["Multi-Agency Safeguarding Hub"]}]
    back = call(client, openapi, "/api/search?q=children+looked+after")
    assert back["expansions"] == [{"typed": "children looked after", "also": ["CLA"]}]
    assert back["total"] > body["total"] > 0
    assert call(client, openapi, "/api/search?q=budget")["expansions"] == []


def test_the_glossary_lists_learnt_acronyms_by_council_and_the_shipped_ones(client, openapi):
    body = call(client, openapi, "/api/glossary")
    assert body["councils"] == ["Hollinshire", "Marlbury", "South Ashworth", "Stourshire",
                                "West Wealdshire"] and body["council"] == []
    learnt = [a for a in body["acronyms"] if a["source"] == "learnt"]
    assert {"acronym": "HNB", "long_form": "High Needs Block", "source": "learnt",
            "council": "Marlbury", "pages": 1,
            "links": {"search": "/?q=HNB", "api": "/api/search?q=HNB"}} in learnt
    assert [a["council"] for a in learnt] == sorted((a["council"] for a in learnt),
                                                    key=body["councils"].index)
    shipped = {a["acronym"]: a for a in body["acronyms"] if a["source"] == "shipped"}
    assert shipped["CIL"]["long_form"] == "Community Infrastructure Levy"
    assert shipped["CIL"]["council"] is None and shipped["CIL"]["pages"] is None
    assert body["acronyms"].index(shipped["CIL"]) > body["acronyms"].index(learnt[-1])
    search = call(client, openapi, shipped["CAMHS"]["links"]["api"])
    assert search["expansions"][0]["also"][0] == "Child and Adolescent Mental Health Services"


def test_the_glossary_of_chosen_councils_keeps_the_shipped_acronyms(client, openapi):
    body = call(client, openapi, "/api/glossary?council=west+wealdshire&council=Marlbury")
    assert body["council"] == ["West Wealdshire", "Marlbury"]
    learnt = {(a["council"], a["acronym"]) for a in body["acronyms"] if a["source"] == "learnt"}
    assert ("West Wealdshire", "MASH") in learnt and ("Marlbury", "DSG") in learnt
    assert {council for council, _ in learnt} == {"West Wealdshire", "Marlbury"}
    assert any(a["source"] == "shipped" for a in body["acronyms"])


def test_a_council_nothing_was_learnt_from_is_a_400_naming_those_known(client, openapi):
    body = call(client, openapi, "/api/glossary?council=Atlantis", status=400)
    assert "No acronyms have been learnt from the minutes of 'Atlantis'" in \
        body["error"]["message"]
    assert "Hollinshire, Marlbury" in body["error"]["message"]
    body = call(client, openapi, "/api/glossary?" + "&".join(["council=x"] * 21), status=400)
    assert "at most 20 values of 'council'" in body["error"]["message"]


def test_filter_values_are_read_in_any_case(client, openapi):
    exact = call(client, openapi, "/api/search?committee=Cabinet")
    typed = call(client, openapi, "/api/search?committee=cabinet")
    assert typed["total"] == exact["total"] > 0
    assert typed["filters"] == {"committee": ["Cabinet"]}


@pytest.mark.parametrize("url, named", [
    ("/api/search?kind=question", ["qa", "statement", "decision"]),
    ("/api/search?q=school&committee=Schools+Froum", ["'Schools Froum'", "Schools Forum"]),
])
def test_an_unknown_filter_value_is_a_400_naming_the_allowed_ones(client, openapi, url, named):
    message = call(client, openapi, url, status=400)["error"]["message"]
    assert all(name in message for name in named), message


def test_year_is_an_integer_in_the_document_and_to_the_server(client, openapi):
    document = client.get("/api/openapi.json").get_json()
    year = next(p for p in document["paths"]["/api/search"]["get"]["parameters"]
                if p["name"] == "year")
    assert year["schema"]["items"]["type"] == "integer"
    assert call(client, openapi, "/api/search?year=02022")["filters"] == {"year": ["2022"]}
    for typed in ("last", "0", "10000", "1_000"):
        message = call(client, openapi, f"/api/search?year={typed}", status=400)
        assert "year must be a number like 2019" in message["error"]["message"]


def test_an_empty_parameter_is_left_out_as_the_document_allows(client, openapi):
    body = call(client, openapi, "/api/search?q=school&from=&to=&page=&page_size=&sort=&routine=")
    assert body["from"] is None and body["to"] is None
    assert (body["page"], body["page_size"], body["sort"]) == (1, 10, "relevance")
    document = client.get("/api/openapi.json").get_json()
    to = next(p for p in document["paths"]["/api/search"]["get"]["parameters"]
              if p["name"] == "to")
    assert to["allowEmptyValue"] is True


@pytest.mark.parametrize("url, message", [
    ("/api/search?page=1&page=2", "'page' can be given once, not 2 times"),
    ("/api/search?to=&to=2020-01-01", "'to' can be given once"),
    ("/api/search?" + "&".join(["council="] * 21), "at most 20 values of 'council'"),
])
def test_what_the_document_forbids_is_a_400(client, openapi, url, message):
    assert message in call(client, openapi, url, status=400)["error"]["message"]


def test_a_method_not_allowed_says_which_are(client):
    response = client.post("/api/search")
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert response.content_type == "application/json"


def test_the_glossary_declares_its_400_for_a_council_nothing_was_learnt_from(client):
    glossary = client.get("/api/openapi.json").get_json()["paths"]["/api/glossary"]["get"]
    assert "400" in glossary["responses"]
    assert "is a 400" in glossary["parameters"][0]["description"]
