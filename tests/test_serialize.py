"""One serializer for passages and hits: its records have the keys the OpenAPI document names,
and a passage read back from the index is the passage that was written."""
from __future__ import annotations

import datetime as dt

import pytest

from search_service.engine.store import passage_fields, stored_passage
from search_service.model import AgendaItem, Meeting, Passage
from search_service.search import Hit
from search_service.serialize import EXPORTED, exported_record, hit_record, passage_record
from search_service.web.openapi import HIT, LINKS, PASSAGE, PERSON

MEETING = Meeting(council="Exampleshire", committee="Cabinet", date=dt.date(2019, 3, 12),
                  url="https://democracy.example.gov.uk/ieListDocuments.aspx?MId=1",
                  identifier="m1", time=dt.time(18), title="Cabinet - 12 March 2019")
QA = Passage(id="p1", kind="qa", text="Q. How many? A. Twelve.", meeting=MEETING,
             item=AgendaItem("7", "Potholes", url="https://democracy.example.gov.uk/mgAi.aspx"),
             position=2, question="How many?", answer="Twelve.", asked_by="Cllr Hilton",
             answered_by="Councillor Ball (Cabinet Member)", topics=("highways",),
             source_url="https://democracy.example.gov.uk/mgAi.aspx")


class Links:
    """Links as the web gives them, without a request."""

    def passage(self, passage: Passage) -> dict[str, str | None]:
        return {"page": f"/passages/{passage.id}", "api": f"/api/passages/{passage.id}",
                "meeting": f"/meetings/{passage.meeting.identifier}"}

    def person(self, name: str) -> dict[str, str]:
        return {"page": f"/people/{name}", "api": f"/api/people/{name}"}


def test_the_records_have_the_keys_the_openapi_document_names():
    hit = Hit(QA, 1.5, {"text": "<mark>How</mark> many?"}, copies=("https://elsewhere.example",))
    passage = passage_record(QA, Links())
    assert set(passage) == set(PASSAGE["properties"])
    assert set(passage["links"]) == set(LINKS["properties"])
    assert [set(person) for person in passage["people"]] == [set(PERSON["properties"])] * 2
    assert set(hit_record(hit, Links())) == set(HIT["properties"])
    assert list(exported_record(hit)) == list(EXPORTED)


@pytest.mark.parametrize("item_url, source_url", [
    pytest.param("https://democracy.example.gov.uk/mgAi.aspx", "", id="item-page"),
    pytest.param(None, "", id="meeting-page"),
    pytest.param("https://democracy.example.gov.uk/mgAi.aspx",
                 "https://democracy.example.gov.uk/mgAi.aspx", id="item-page-read"),
    pytest.param(None, "/home/clerk/minutes.txt", id="local-file"),
])
def test_a_stored_passage_is_published_where_it_was_written(item_url, source_url):
    written = Passage(id="p1", kind="statement", text="Noted.", meeting=MEETING,
                      item=AgendaItem("7", "Potholes", url=item_url), position=0,
                      source_url=source_url)
    fields = passage_fields(written)
    read = stored_passage({name: value for name, value in fields.items()
                           if not name.startswith("_")} | {"speaker": None})
    assert read.url == fields["url"] == written.url
