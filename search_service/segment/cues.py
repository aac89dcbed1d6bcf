"""The generic language of minutes: who asks, who answers, what was decided, what leads in."""
from __future__ import annotations

import re

from .text import NOT_NAME, PERSON, Gated

# Verbs that report a reply or an explanation given to the meeting.
ANSWER_VERBS = (r"(?:replied|responded|confirmed|advised|explained|clarified|assured|reiterated|"
                r"confirms?|advises?|explains?|clarifies|replies|responds?|states?|"
                r"informed|answered|stated|said|agreed|commented|noted|reported|indicated|"
                r"acknowledged|added|undertook|stressed|expressed|encouraged|heard|told|"
                r"emphasised|emphasized|highlighted|suggested|outlined|accepted|reassured|"
                r"gave (?:an? |that |this |the |his |her |their )?(?:assurances?|undertaking|"
                r"commitment|reassurance)|agreed|"
                r"(?:provided|gave|sent|circulated) (?:a |the )?written (?:answer|response|reply))")
# Verbs that report speech of any kind, for attributing a passage to its speaker.
SPEECH_VERBS = (ANSWER_VERBS[:-1] + r"|asked|queried|enquired|inquired|reminded|introduced|"
                r"presented|gave|made|provided|delivered|spoke|thanked|welcomed|proposed|moved|"
                r"seconded|continued|referred|drew|congratulated|observed|felt|considered|"
                r"supported|raised|sought|delivered|reported|updated|summarised|set out|"
                r"addressed|declared|opened|read|submitted|invited)")

# Members, the public and their like: whose points, once answered, make a question.
_MEMBER = (r"(?:(?:[Aa]nother|[Oo]ne|[Aa]|[Tt]he|[Ss]ome|[Ss]everal|[Oo]ther|[Vv]arious|[Mm]any) )?"
           r"(?:(?:[Ll]ocal|[Ww]ard|[Pp]anel|[Cc]ommittee|[Bb]oard|[Ff]orum|[Ii]ndependent|"
           r"[Cc]o-opted|[Pp]arish|[Tt]own) )?(?:[Mm]embers?(?: of the (?:public|[A-Z]\w+))?|"
           r"[Cc]ouncillors?|[Rr]esidents?|[Gg]overnors?|[Tt]rustees?|[Ss]peakers?|[Oo]bjectors?)"
           r"|(?:Cllrs?\.?|Councillors?)(?: [A-Z][\w'’-]*){1,3}(?: \([^()]{1,80}\))?")
# … and those who speak for the public: "The group were mindful … but asked …"
_MEMBER_SIDE = (rf"{_MEMBER}|(?:[Tt]he|[Aa]) (?:group|petitioners?|deputation|campaigners?|"
                r"representatives?|parishioners?)")

# Asking verbs: the passage records a question even when no answer follows.
# (an adverb before "asked" reports a passive or earlier request, "was specifically asked";
# a name ending in -ly does not: "Karen Tilly asked …")
_NAME_ENDING_LY = "|".join(rf"(?<=\b(?-i:[A-Z][a-z]{{{n}}})ly )" for n in range(9))
_PASSIVE = (r"(?<!be )(?<!been )(?<!being )(?<!was )(?<!were )(?<!is )(?<!are )(?<!had )"
            rf"(?:(?<!ly )|{_NAME_ENDING_LY})")
# (questions asked without saying what about are a statement: "Members asked a series of
# questions."; a capitalised "Question" inside a sentence is a title: "Members' Question Time")
_NO_CONTENT = (r"(?! (?:a (?:series|number) of |several |some |various |many |further |a few |"
               r"their |his |her )?questions?(?: of [^.;,]{1,60})?[.;])")
# Wanting to know, in any wording: "… to find out", "… to ascertain".
_TO_LEARN = r"(?:know|understand|find out|learn|establish|ascertain)"
# Minutes taken as the record: "… as a true record", "… to be correct", "… as being an accurate …".
_RECORD = r"(?:being )?(?:an? )?(?:true|correct|accurate)\b"
ASKS = Gated(
    rf"\b(?:{_PASSIVE}(?<!was also )(?<!were also )asked(?! for){_NO_CONTENT}"
    r"(?! (?:the |all )?(?:Members?|Committee|Panel|"
    r"Board|Council|Cabinet|Forum|Group|everyone|those present|councillors) to )"
    # (having asked someone to do something is an errand: "AR has asked her neighbour to cut …")
    # ("The Clerk said she had not yet asked Cllr. Sutherell to speak to …")
    r"(?!(?:(?<=has asked)|(?<=have asked)|(?<=had asked)|(?<=yet asked)|(?<=not asked)) "
    r"(?:[\w.’']+ ){1,6}?to [a-z])"
    # (asking leave, or being asked, to do something asks nothing: "A resident asked to speak about
    # her flood report", "The landowner will be contacted and asked to cut back the hedge")
    rf"(?! to (?!(?:{_TO_LEARN}|see|be (?:told|informed|"
    r"advised|updated|given|shown|sent|provided))\b)[a-z])|"
    r"queried|enquired|inquired|questioned|"
    # asking to be told: "sought an assurance", "wanted the latest figures" (asking for "a
    # further update in six months" wants a report, and needs an answer to be a question)
    r"(?:sought|wanted) (?:an? |the |some |any )?(?:further |more |additional |"
    r"latest |an )*(?:clarification|clarity|reassurances?|assurances?|update|information|"
    r"confirmation|details|explanation|breakdown|numbers|figures|data)\b|"
    # wanting to know, in any wording: "Members were keen to understand how …"
    rf"(?:wanted|wished|keen|eager|anxious|interested|requested|would like|asked) to {_TO_LEARN}\b|"
    r"raised (?:a |the )?(?:question|query)|"
    # a question sent in: "A written question was received from X regarding …", "Cllr Lee
    # submitted a written question"
    r"\b(?:question|query) (?:was|were|had been) (?:received|submitted|tabled)\b|"
    # … or put at the meeting: "A question was posed on whether …"
    r"\b(?:question|query) (?:was|were) (?:posed|put)\b|"
    r"\bsubmitted (?:a |the )?(?:written |public )?(?:question|query)\b|"
    # asking to be given something: "asked for an update on …", "a request for more information
    # regarding …" (not "asked for a further update in a year", a report wanted later)
    r"(?:asked|pressed|pushed|\b(?:a|one|further) (?:request|call)) for "
    r"(?:an? |the |some |any )?(?:further |more |additional |latest |urgent |written |an )*"
    r"(?:update|information|clarification|clarity|"
    r"confirmation|details|explanation|breakdown|figures|data|numbers|assurances?|"
    r"reassurances?) (?:on|regarding|about|as to|in relation to|with regard to|concerning|"
    r"of|why|whether|how|what|when|that)\b|"
    # "The Chair proceeded to ask if …", "Members went on to ask whether …"
    # … or relaying one: "a call from a parishioner asking if …"
    r"\b(?:to ask|asking) (?:if|whether|about|what|how|why|when|where|which|who)\b|"
    r"wondered (?:if|whether)|"
    # reported in the passive: "Details were requested about …", "clarity was sought on …"
    r"(?:details|clarification|clarity|confirmation|information|an update|assurance|"
    r"reassurance|a breakdown|figures)\b[^.;?]{0,120}?\b(?:was|were) (?:also )?"
    r"(?:requested|sought)|"
    r"(?:[Ii]t|[Qq]uestions?) was (?:also )?(?:queried|questioned|asked)(?! to)|"
    # a question put to someone, in the passive: "The Clerk was asked if the Council had …"
    # (not the chair's invitation or poll: "members were asked if they had any questions")
    r"(?:was|were) (?:also )?asked (?:if|whether|about|what|how|why|when|where|which|who)\b"
    r"(?! (?:they|there|anyone|members)\b)|"
    r"(?-i:(?:[Qq]uestions?|[Qq]uer(?:y|ies)) (?:was |were )?(?:raised|asked|put)|"
    r"(?:a |the |[Aa] |[Tt]he )?(?:question|query) (?:from|by|about|on|regarding|as to|"
    r"concerning|relating to|in relation to|with regard to)|"
    # (capitalised only where it opens the sentence: "Queries re the parking sign")
    r"(?:questions?|quer(?:y|ies)|^Questions?|^Quer(?:y|ies)) (?:about|regarding|re|over|around|"
    r"as to|on|concerning|relating to|in relation to|with regard to)))\b",
    ("ask", "quer", "enquir", "inquir", "question", "sought", "know", "wonder", "request",
     "call", "pressed", "pushed", "wanted", "wish", "keen", "eager", "anxious", "interested",
     "would like"), re.I)
# "asked that …" makes a request: a question only when an answer follows it.
REQUEST = re.compile(r" that\b")
REQUEST_VERB = re.compile(r"^(?i:asked)$")
# Raising a point: a question only when an answer follows it.
# ("the points raised" and "requested to attend" raise nothing)
RAISES = Gated(
    r"\b(?:asked for|concern(?:s|ed)?|"
    r"(?<!had )(?<!been )requested(?! to (?:attend|speak|address|be))|"
    r"suggested|(?<!points )(?<!issues )(?<!matters )(?<!questions )(?<!concerns )raised|"
    r"brought up|"
    r"expressed|point of order|worry|worries|(?:comments?|points?) (?:was|were) (?:made|raised)|"
    r"sought (?:the )?(?:permission|approval|support|agreement|consent)|"
    r"commented|remarked|pointed out|"
    r"entered into discussion|drew (?:\w+ )?attention|interested in|challenged|worried|"
    # a request put to the meeting: "… and asked the Committee to commit to …"
    r"asked (?:the |all )?(?:Members?|Committee|Panel|Board|Council|Cabinet|Forum|Group|"
    r"councillors) to)\b",
    ("asked ", "concern", "request", "suggest", "raised", "brought up", "express",
     "point of order", "comment", "remark", "pointed out", "discussion", "attention",
     "interested", "challeng", "worr", "was made", "were made", "sought"), re.I)
# The public as minutes name them (public_forum.py adds electors and tenants).
# ("MoP": a member of the public, as parish minutes shorten it)
# ("a member of public", "Two public attendees")
PUBLIC_PEOPLE = (r"(?:[Mm]embers? of (?:the )?[Pp]ublic|MoPs?|[Rr]esidents?|[Pp]arishioners?|"
                 r"(?:[Pp]ublic )?[Aa]ttendees?)")
# The public raising a matter at the meeting ("A member of the public raised concerns about …",
# "Adam Mumford sought permission …"): a question put to the council, answered or not.
PUBLIC_RAISER = re.compile(
    r"^(?:(?:[Aa]nother|[Oo]ne|[Aa]|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Vv]arious|"
    rf"[Aa] number of|\d{{1,2}}) )?(?:local )?{PUBLIC_PEOPLE}\b"
    r"|^(?:Mr|Mrs|Ms|Miss)\.? (?:[A-Z][\w'’.-]* ){0,2}[A-Z][\w'’-]+ "
    rf"|^(?!{NOT_NAME}\b|(?:Councillor|Cllr|Alderman|Mayor|Chair\w*|Clerk|County|District)\b)"
    r"[A-Z][a-z]+ [A-Z][\w'’-]+ (?=(?:raised|sought|requested|asked for|"
    r"expressed)\b)")
# Someone of the meeting or the public raising a matter, which the minutes record as a question
# put, answered or not ("JH raised the state of Fen Road.", "Concerns were raised about …");
# officers are not among them, nor money raised ("The event raised £211").
RAISED_A_MATTER = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:{_MEMBER_SIDE}|(?:Mr|Mrs|Ms|Miss|Dr)\.? "
    rf"(?:[A-Z][\w'’.-]* ){{0,2}}[A-Z][\w'’-]+|(?!{NOT_NAME}\b)[A-Z][a-z]+ [A-Z][\w'’-]+|"
    r"[A-Z]{2,3}|[Hh]e|[Ss]he|[Tt]hey) "
    r"(?:also |then |further |again )?(?:raised|brought up)\b(?! (?:£|over|nearly|almost|\d))"
    r"|^(?:(?:Some|Several|A number of|Further|Other|Serious|Significant) )?(?:[Cc]oncerns?|"
    r"[Ii]ssues?|[Qq]uer(?:y|ies)|[Qq]uestions?|[Mm]atters?) (?:was|were) (?:also )?raised "
    r"(?:about|regarding|over|re|around|concerning|as to|in relation to|with regard to|by)\b")
# Who raises a point at a meeting: members, the public and their spokespeople, or nobody named
# ("It was raised that …"); an officer presenting does not ("The Head of Planning suggested …").
RAISER_START = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:{_MEMBER_SIDE}|(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][\w'’-]+|[Ii]t was|"
    r"[Hh]e|[Ss]he|[Tt]hey)\b")
# "In response to a question about …, Members were informed that …"
IN_RESPONSE = re.compile(
    r"^(?:[^,]{0,80}, )?(?:(?:In (?:response|reply|answer) to|Responding to|In responding to)\b"
    # (answering a document or a letter is no reply to a question: "In response to the
    # consultation document …, Mr Hook proposed …")
    r"(?! (?:the |a |an |this |that |their |his |her |its )?(?:\w+ ){0,2}(?:consultation|letter|"
    r"e-?mail|invitation|survey|document|application|correspondence|notice|petition|proposal)s?"
    r"\b)|Following (?:a |the )?(?:question|query|queries|questions)\b)", re.I)
QUESTION_INTRO = re.compile(
    r"^(?:(?:a|the|other|further|supplementary|various)?\s*(?:supplementary )?"
    r"(?:questions?|quer(?:y|ies)|concerns?|comments?)\s*)?(?:(?:from|by|raised by) "
    rf"{PERSON}\s*)?(?:(?:about|on|regarding|relating to|concerning|as to|in relation to|"
    r"around|over|in respect of|with regard to)\s+)?", re.I)
ANSWER_AT = re.compile(
    rf"\b(?:(?:was|were) (?:informed|advised|told|assured|reminded)|(?:replied|responded)\b|"
    rf"{ANSWER_VERBS}"
    r"(?: (?:to )?(?:the |that )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})?(?: that|:|,|"
    r" (?=(?:it|this|they|there|he|she) (?:was|were|had|has|would|could|is|are)\b))|"
    # (the answer may point back at the question: "…, this was confirmed to be the case")
    r"(?:It|it|[Tt]his|which) was (?:confirmed|explained|clarified|noted|reported|advised|stated|"
    r"acknowledged|emphasised|highlighted|agreed)|heard that|"
    # an undertaking to deal with the point: "… remained a concern and this could be looked at"
    # ("… it will be built with a reclaimed roof and will look like a barn" undertakes nothing)
    r"\b(?:would|could|will) (?:be )?(?:look(?:ed)? (?:at|into|over|for)\b|investigat\w+|review\w*|"
    r"consider\w*|"
    r"pursu\w+|follow\w*|pass\w*|report\w*|check\w*|contact\w*|raise\w*|patrol\w*|"
    r"arrang\w+|provid\w+|circulat\w+|feed\w*)\b|"
    # "it was raised by the Committee and advised by Officers that …"
    r"\b(?:advised|informed|confirmed|explained) by (?:the )?[\w ]{1,40}? that)")
# A reply by someone named after the clause that asks, its words reported bare or by a
# participle: "…, the Clerk confirmed minutes are available …", "…, the Chairman saying that …".
NAMED_REPLY_AT = re.compile(
    rf"(?<=[,;] )(?:and |but )?{PERSON} (?:then |also )?(?:replied|responded|confirmed|explained|"
    r"clarified|assured|replying|responding|confirming|explaining|saying that)\b")
# A sentence that opens with an answer: "It was confirmed that …", "Officers advised that …".
# ("The Cabinet Member thanked Mr Jones for his question and said …")
_THANKED = r"(?:thanked [^.;]{1,80}? and )?"
ANSWER_START = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:(?:It|it) was (?:also )?(?:confirmed|explained|clarified|reported|"
    r"advised|stated|said|acknowledged|emphasised|highlighted)|"
    rf"(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey|The meeting|The Committee|The Panel),? (?:then |also |"
    rf"further )?{_THANKED}(?:(?:was|were) (?:informed|advised|told|assured)|{ANSWER_VERBS}\b)|"
    # the reply in the passive, with who gave it: "The timetable was explained by the Manager"
    r"[^.;?]{0,80}? (?:was|were) (?:explained|clarified|confirmed|answered) by (?:the )?[A-Z])")
# A sentence that replies by name, which makes what was said before it a point put to someone:
# "Cllr Rose said the council needs to know its purpose. Cllr Taylor replied that …".
# ("… then responded to questions from Councillors …" says a debate took place, not a reply)
NAMED_REPLY = re.compile(rf"^(?:{PERSON}),? (?:then )?(?:replied|responded)\b"
                         r"(?! to (?:questions|queries|comments|points)\b)")
# … unless what was said before was thanks ("Cllr Holloway thanked Cllr Winkworth …").
THANKS = re.compile(r"\bthank(?:s|ed)?\b", re.I)
# An enquiry made outside the meeting and reported to it: "The Clerk had contacted Brymbo
# Community Council to ask whether they would share the cost."
ENQUIRY_MADE = Gated(r"\b(?:contacted|written to|wrote to|e-?mailed|been in (?:contact|touch) "
                     r"with|spoken to|spoke to|phoned|rang|approached)\b[^.;]{0,80}? to "
                     r"(?:ask|enquire|find out)\b", ("to ask", "to enquire", "to find out"))
# A reply received to a request made before: "Response from Andrew Prigmore regarding request to
# reduce speed limit throughout Swineshead to 20mph: “The criteria states …”".
RESPONSE_FROM = re.compile(
    r"^(?:A |The )?(?:[Rr]esponse|[Rr]eply|[Aa]nswer) (?:(?:was|has been|had been) )?(?:received )?"
    r"from (?P<who>[^:;.–]{2,60}?) (?:regarding|re|about|to|on|concerning) (?P<asked>(?:[\w'’]+ "
    r"){0,4}?(?:request|query|question|concerns?|enquiry|complaint)\b[^:;–]{0,200}?)"
    r"\s*[:–-]\s+(?=\S)")
# A question on the meeting's own procedure: "The Chair asked whether anyone present would be
# recording the meeting", "… asked if anyone had an interest to declare".
PROCEDURE_ASKED = re.compile(r"\basked (?:if|whether) (?:any(?:one|body)|any members?|members|"
                             r"those present)\b[^.;?]{0,60}?\b(?:record\w*|film\w*|declare|"
                             r"interests?|wish(?:ed)? to speak)\b")
# A concern raised, which a reply in the next paragraph turns into a question and its answer.
CONCERN = re.compile(r"\b(?:concerns?|concerned|worried|worries)\b", re.I)
# A paragraph that opens as a reply to what was just raised: "The Head of Audit explained that …".
REPLY_START = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey) (?:then |also |further )?(?:replied|"
    r"responded|explained|clarified|confirmed|advised|assured|acknowledged|undertook)\b|"
    r"^(?:It|it) was (?:explained|clarified|confirmed)\b")
_POINT_VERBS = (r"(?:noted|felt|mentioned|commented|said|stated|raised|referred|highlighted|"
                r"suggested|expressed|observed|pointed out|remarked|believed|considered|thought|"
                r"wanted|challenged|argued|stressed|emphasised|welcomed|praised|spoke|"
                r"questioned|was concerned|were concerned|voiced|made)")
# A member making a point: "Another Member noted that …", "Discussion ensued and a Member felt …".
# (the committee as a whole makes a point too: "The Committee noted that the Council should …",
# answered by "The Committee was advised that …")
_MEETING_BODY = r"(?:[Tt]he (?:Committee|Sub-Committee|Panel|Board|Forum|Group))"
MEMBER_POINT = re.compile(
    rf"^(?:[^,.]{{0,80}}(?:, (?:and )?| and ))?(?:(?:{_MEMBER})"
    rf"(?: (?:also|then|further|however))?,? {_POINT_VERBS}|"
    rf"{_MEETING_BODY} (?:also |further )?(?:noted that|felt|was concerned|expressed concern|"
    r"questioned|queried|challenged|suggested that))\b")
# A reply told to the members: "… the Committee was advised that …".
TOLD = re.compile(r"\b(?:was|were) (?:informed|advised|told|assured)\b")
MEMBER_START = re.compile(rf"^(?:{_MEMBER})\b")
PRONOUN_START = re.compile(r"^(?:He|She|They)\b")
# A sentence that opens a reply by someone else: "In reply, …", "The officer could not say …".
OTHER_REPLY = re.compile(
    r"^(?:In (?:reply|response|answer)\b(?! to)|"
    # the reply named by what it gave: "The reason given was that …", "The response was …"
    r"The (?:reason|response|reply|answer|explanation) (?:given |received )?(?:was|is)\b|"
    # … or by its giving: "Clarification made that …", "Replies were given that …"
    r"(?:Clarification|An? (?:explanation|assurance)|Repl(?:y|ies)|Responses?|Answers?) "
    r"(?:was |were |had been )?(?:given|provided|made|received|offered) that\b|"
    rf"(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey) (?:could not|was unable to|were unable to|would|will)"
    r" (?:yet )?(?:say|confirm|answer|provide|look|check|respond|report|circulate|find|obtain|"
    r"write|contact|investigate|arrange|chase|follow|pass|raise|seek|ask)\b)")
# A reply in so many words, which turns a member's point into a question answered (a member's
# point followed by another's comment is debate): "The officer explained …", "In reply, …".
ANSWERS_POINT = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey),? (?:then |also |further )?"
    rf"{_THANKED}(?:replied|responded|explained|clarified|confirmed|advised|assured|reassured|"
    r"acknowledged|undertook|answered|informed|agreed to|gave (?:an? |that |the )?assurance)\b|"
    r"^(?:It|it) was (?:also )?(?:explained|clarified|confirmed)\b|^In (?:reply|response)\b|"
    # officers speaking after a member's point answer it: "Officers stated that this was …"
    r"^(?:[Oo]fficers|[Tt]he (?:relevant |responsible )?[Oo]fficers?) (?:stated|said|noted|"
    r"commented|indicated|reported)\b|"
    rf"^(?:[^,]{{0,60}}, )?(?:{_MEETING_BODY}|Members) (?:was|were) (?:informed|advised|told|"
    r"assured)\b")
# A sentence that opens a new exchange inside a paragraph run together from several:
# "Asked by Cllr Connor whether …", "Cllr Clarke referred to … and expressed concerns …".
# (members of the public numbered in turn open one whatever they do: "Resident 2 made a complaint
# …", "Resident 3 reported …")
NEW_EXCHANGE = re.compile(
    rf"^(?:Asked by |(?:{PERSON}|{_MEMBER}),? (?:then |also |further )?(?:asked|queried|"
    r"enquired|inquired|questioned|referred|raised|expressed|sought|requested)\b|"
    r"(?:Residents?|Members? of the [Pp]ublic|MoP|Parishioner|Speaker|Questioner) "
    r"(?:\d{1,2}|[A-Z])\b,? (?!and\b|or\b)[a-z]+)")
# The chair inviting questions: "… asked if there were any questions", "… asked if anyone wished
# to raise any matters"; or asking those present to do something: "… asked members of the public
# to speak one at a time".
INVITATION = re.compile(r"\basked (?:(?:if|whether) (?:there (?:were|was) any (?:further |other )?"
                        r"(?:questions?|comments?|matters?)\b(?: (?:from|by) [^.?]{1,40})?|"
                        r"anyone (?:wished|wanted|would like|had) to (?:raise|ask|say|speak)\b"
                        r"[^.?]{0,60})|(?:the |all )?(?:members of (?:the )?public|everyone|"
                        r"those)(?: present| attending)? to (?!attend)\w+)")
# Nothing asked: "No queries were raised in relation to …", "There were no questions."
_HOW_MANY = r"(?:\d{1,3}|no|none|nil|one|two|three|four|five|six|seven|eight|nine|ten|several)"
NOTHING_ASKED = re.compile(r"^(?:No|There were no|There was no) (?:further |other )?"
                           r"(?:questions?|quer(?:y|ies)|comments?|concerns?|issues?)\b"
                           r"(?![^.;]*\bbut\b)"   # ("…, but the Clerk answered a query")
                           rf"|^[^?]{{0,300}}{INVITATION.pattern}[.?]?$"
                           # how many of the public came: "Members of the public present: 18"
                           rf"|^(?i:(?:there (?:were|was) )?{_HOW_MANY} members? of the public "
                           r"(?:were )?(?:present|in attendance)|members? of the public(?: present|"
                           rf" in attendance)?\s*:\s*{_HOW_MANY})\.?$")
# An action given to someone: "Chair to contact the police officer to ask how …"
ACTION_TO = re.compile(r"^(?:The )?(?:Chair\w*|Clerk|Secretary|Treasurer|(?:Cllr|Councillor)\.? "
                       r"[A-Z][\w'’-]*|[A-Z]{2,3}) to (?!be\b)[a-z]+\b")
# "It was noted that …" answers only where a question is open just before it.
NOTED_ANSWER = re.compile(r"^(?:It|it) was (?:also |further )?noted that\b")
# A reply that opens with its yes or no: "No reply has been received.", "Yes, the grant was paid."
YES_NO_REPLY = re.compile(r"^(?:No|Yes|Not yet)\b"
                          r"(?! (?:one|objections?|declarations?|apologies)\b)")
# The members as told, a paragraph after their question: "Members of the Committee were informed …"
MEMBERS_TOLD = re.compile(r"^(?:The )?Members(?: of the [A-Z][\w-]*)? (?:were|had been) "
                          r"(?:informed|advised|told|assured)\b")
# A reply reported by its act: "A response was given by the Portfolio Holder for Education."
REPLY_GIVEN = re.compile(r"^(?:A |The |An )?(?:written |verbal |oral )?(?:response|reply|answer)s? "
                         rf"(?:was |were )?(?:given|provided|made) by ({PERSON})")
# A written answer reported by its giver: "The Leader had provided a written answer stating …".
WRITTEN_ANSWER = re.compile(r"^[^.;?]{0,120}?\b(?:had |has )?(?:provided|given|gave|sent|"
                            r"circulated) (?:a |the )?written (?:answer|response|reply)\b")
# A reply minuted as "Speaker: verb": "Head of Leisure: responded that …".
COLON_REPLY = re.compile(r"^([A-Z][^:.?!]{1,60}):\s+(?:replied|responded|explained|confirmed|"
                         r"advised|said|stated|clarified|answered)\b")
# An answer given to a named person: "Councillor Mears was informed that …".
ANSWERED_TO = re.compile(
    r"^(?:(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?(?: [A-Z][\w'’-]*)+|[Tt]he [Cc]ouncillor|"
    r"[Tt]he Member|A Member) (?:was|were) (?:informed|advised|told|assured)\b")
FOLLOWS_ANSWER = re.compile(
    rf"^(?:(?:It|it) was (?:also )?(?:confirmed|clarified)|(?:{PERSON}|[Hh]e|[Ss]he) "
    r"(?:also |further |then )?(?:confirmed|clarified|replied|responded)\b)")

# People named by their initials, as NHS and joint committee minutes do: "JB asked whether …",
# "SM confirmed that …" (only at the start: "When CG suggested …" opens no speech by CG).
_INITIALS = r"^([A-Z]{2,3})(?: then| also| further)?"
INITIALS_ASK = re.compile(rf"{_INITIALS} (?:asked|queried|enquired|inquired|sought|questioned)\b")
# The police answering a matter raised at a parish or community council ("Report of youths
# congregating at the park. Police said they would visit the school."); police who open a
# paragraph give their own report.
POLICE_REPLY = re.compile(
    r"^(?:The )?(?:[Pp]olice|PCSO|PC [A-Z][\w'’-]+|PCSO [A-Z][\w'’-]+|Sgt\.? [A-Z][\w'’-]+|"
    r"Sergeant [A-Z][\w'’-]+|Inspector [A-Z][\w'’-]+)(?: (?:officers?|representatives?))? "
    r"(?:will|would|said|advised|agreed|confirmed|explained|replied|responded|undertook|"
    r"can|could)\b")
POLICE_START = re.compile(r"^(?:[^.;]{0,40}\b)?(?:[Pp]olice|PCSO|PC [A-Z]|Sgt\b|Sergeant|"
                          r"Inspector|Constable)")
INITIALS_REPLY = re.compile(rf"{_INITIALS} (?:replied|responded|explained|clarified|confirmed|"
                            r"advised|assured|acknowledged|undertook|said|stated|answered)\b")
INITIALS_SPEAK = re.compile(rf"{_INITIALS} (?:{SPEECH_VERBS})\b")

# A paragraph that carries on what the speaker before it said ("The Leader added that …").
CONTINUES = re.compile(
    rf"^(?:[^,]{{0,60}}, )?(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey) (?:also |further |then )?"
    r"(?:added|continued|went on|concluded|reiterated)\b")

# The one who asked going on after the question, not a reply to it: "They also raised a query
# about …", "Also, he reported that …", "He was of the opinion that …", "In their opinion …",
# "The gentleman said that …", "His understanding was that …".
_ASKER_AGAIN = (r"(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he (?:gentleman|lady|resident|parishioner|questioner|"
                r"member of the public))")
ASKER_GOES_ON = re.compile(
    rf"^(?:(?:Also|Further|Furthermore|In addition),? )?{_ASKER_AGAIN} (?:also|further|again) "
    r"(?:raised|asked|queried|reported|mentioned|noted|said|stated|commented|expressed|"
    r"highlighted|pointed out|suggested|requested|felt|brought|drew|questioned|complained|"
    r"enquired|thought|believed|wondered)\b|"
    r"^(?:Also|Furthermore|In addition),? (?:he|she|they)\b|"
    rf"^{_ASKER_AGAIN} (?:was|were) of the (?:opinion|view)\b|^In (?:his|her|their) (?:opinion|view)\b|"
    r"^(?:His|Her|Their) (?:understanding|view|opinion|belief) (?:was|is)\b|"
    r"^The (?:same )?(?:gentleman|lady|resident|parishioner|questioner|member of the public) "
    r"(?:said|asked|added|felt|stated|reported|explained|commented|believed|considered|mentioned|"
    r"requested|suggested)\b")

# (a parish or town council writes itself in lower case: "the parish council resolved …")
_BODY = (r"(?:(?:[A-Z][\w&’'-]*|parish|town|community|city|county|district|borough|full)\s){0,6}"
         r"(?:[Cc]ommittee|[Cc]ouncil|Cabinet|[Pp]anel|Board|Forum|Sub-Committee|Sub Committee|"
         r"Executive|Authority|Group|[Mm]embers|[Cc]ouncillors|[Mm]eeting|Commission|"
         # joint bodies known by their initials: integration joint board, integrated care board …
         r"Partnership|IJB|ICB|ICP|HWB|JHOSC|CCG)")
DECISION_START = re.compile(
    r"^(?:(?:FURTHER|Further|It was|it was) )?(?:RESOLVED|AGREED|DECIDED|NOTED|DECISIONS?|APPROVED|"
    r"ENDORSED|Resolved|Agreed|Decided|Decisions?|Noted|Approved|Voting|Vote|"
    r"GRANTED|REFUSED|DEFERRED|WITHDRAWN|CARRIED)\b(?! to (?:the|a) )"
    # (a page's title: "APPROVED MINUTES of the Parish Council Meeting")
    r"(?! (?i:minutes|notes)\b)"
    # a committee's recommendation to a higher body: "RECOMMENDED to the Council that …"
    r"|^(?:(?:It was|it was) )?RECOMMENDED\b|^Recommended\s*(?::|[-–]|(?i:that)\b)"
    r"|^(?:Voting|Vote|Votes)\s*:|^On the division\b"
    # the last minutes approved, in a clerk's few words: "Minutes approved Cllr Webb proposed …"
    r"|^(?:The )?(?:[Mm]inutes|[Nn]otes) (?:were )?(?:approved|agreed|accepted|adopted)\b"
    # the outcome as a decision record states it: "Recommendation approved", "Motion lost"
    r"|^(?:The )?(?:Recommendations?|Motion|Amendment|Proposals?) (?i:approved|agreed|carried|"
    r"adopted|lost|rejected|defeated|noted|deferred)\b")
# A follow-up the meeting recorded, one a line: "Action: JW to contact the supplier", "ACTION The
# Clerk to write …" (a decision; "Actions:" above a list heads points of their own).
ACTION_LABEL = re.compile(r"^(?:Action\s*(?::|;|[-–])|ACTION\b)\s*")
ACTION_LINE = re.compile(rf"{ACTION_LABEL.pattern}\S")
# A line of a recorded vote: "For the motion: Cllrs Adams, Blake (2)", "Abstained: Cllr Lee (1)".
VOTE_LINE = re.compile(
    r"^(?:For|Against|Abstain(?:ed|ing)?|Abstentions?|In favour)(?: (?:of )?the (?:motion|"
    r"amendment|recommendations?|application|proposal))?\s*(?:\(\d{1,3}\))?\s*[:\-–]\s*\S")
# A short label opening a paragraph: "Outcome: The Board approved …", "Discussion: Members …".
# (a lead-in with a verb is no label: "The following payments were agreed: The Clerk, …")
INLINE_LABEL = re.compile(r"^[A-Z][a-z]+(?: (?!(?:was|were|is|are|had|has|have)\b)[a-z]+){0,4}:"
                          r"\s+(?=[A-Z])")
# A number and a dash opening a paragraph ("4.1.7 – Councillor Sparey raised …"), or the dash
# alone once the number is read as the paragraph's.
NUMBER_DASH = re.compile(r"^(?:\d+(?:\.\d+)*\s*)?[-–—]\s+(?=[A-Z])")
# A minute's reference opening a paragraph: "26/04 It was resolved …", "21/22-77 Open Forum".
MINUTE_REFERENCE = re.compile(r"^\d{1,4}(?:[-/.]\d{1,4}){1,3}\.?\s+(?=[A-Z])")
# A topic and a dash opening a paragraph: "Grass cutting – Cllr Trigg raised …".
TOPIC_DASH = re.compile(r"^[A-Z][\w'’/&.]*(?: (?!(?:was|were|is|are|had|has|have|will|would)\b)"
                        r"[\w'’/&.]+){0,5}\s[-–—]\s+(?=[A-Z])")
# A meeting body and the verb of its decision: "the Committee NOTED", "the Panel agreed".
_BODY_DECIDES = (rf"(?:The |the )?{_BODY} (?:has |have )?(?:unanimously |then |therefore |also )?"
                 # (agreeing that something "was vital" shares a view rather than deciding)
                 r"(?:RESOLVED|resolved|agreed(?! that (?:it|this|there|they) (?:was|is|were|would)"
                 r" )(?! with )|AGREED|approved|endorsed|determined|decided|"
                 # noting what was said in debate is narrative, noting a report decides
                 r"noted the(?! (?:comments?|concerns?|views?|points?|remarks|feedback|"
                 r"questions?)\b)"
                 r"|(?:received|considered|discussed) and (?:noted|agreed|approved|adopted|"
                 r"accepted|endorsed)|"
                 r"noted and|NOTED|APPROVED|ENDORSED|voted|accepted the recommendations?|"
                 r"adopted|ratified|rejected|co-opted|"
                 r"GRANTED|granted|"
                 r"REFUSED|refused|DEFERRED|deferred|RECOMMENDS|RECOMMENDED|recommends that|"
                 r"recommended (?:that|to)|"
                 r"RECEIVED|"
                 # a town or parish council's response to a planning application
                 r"(?:had|has|have|raised) no objections?|objected to|did not object|declined|"
                 # … or its view in the present tense: "Members object on the grounds …"
                 r"objects? (?:to|on)|supports? the (?:application|proposal))\b")
# A decision in capitals in a paragraph's first lines, whatever section it sits in: "It was moved
# by Councillor Talbot, seconded by Councillor Stock and RESOLVED that …".
RESOLVED_EARLY = re.compile(r"\b(?:RESOLVED|AGREED|DECIDED)\b(?: (?:that|to|as follows)\b|:)|"
                            r"^It (?:was|has been|had been) (?:unanimously |also |further |"
                            r"therefore )?(?:(?:agreed|decided) (?:that|to)\b|resolved\b)|"
                            # a motion minuted by who moved it: "Councillor Adshead proposed and
                            # Councillor Dales seconded that …" ("… seconded a motion" heads one)
                            r"^(?:The |the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3},? proposed,? "
                            r"(?:and|&) (?:[A-Z][\w.'’-]*\s?){1,4},? seconded,? that\b")
# A paragraph that opens with the body's decision, even if it also asks for something
# ("The Sub-Committee's decision is to suspend the licence").
DECISION_OPEN = re.compile(rf"^(?:[^,]{{0,60}}, )?(?:{_BODY_DECIDES}|(?:The |the )?{_BODY}['’]s "
                           rf"decision (?:is|was)\b|(?:The |the )?decision of the {_BODY} "
                           r"(?:is|was)\b)")
# A clause of a resolution up to its "be": "that the draft strategy be …" (stops and
# semicolons end it, except a decimal point: "£1.5m").
_TO_BE = r"\b(?:[^.;]|\.(?=\d)){0,300}?\bbe "
# A part of a resolution standing alone: "(a) That the programme be approved as set out …",
# "That the Committee notes the report and agrees to a review".
RESOLUTION_PART = re.compile(
    rf"^That (?:the )?{_BODY} (?:notes?|agrees?|approves?|endorses?|accepts?|adopts?|resolves?|"
    r"acknowledges?|supports?|recommends?)\b|"
    # "(1) the draft strategy be approved;" under a decision whose head the page left out
    rf"^(?:That|that|the){_TO_BE}(?:approved|noted|agreed|adopted|"
    r"endorsed|authorised|authorized|delegated|accepted|granted|refused|deferred|received|"
    r"requested|asked|established|appointed|recommended|supported|confirmed|referred)\b|"
    # a recommendation as a decision notice words it: "To agree to enter into a consultation …"
    r"^To (?:agree|approve|endorse|adopt|accept|authorise|authorize|delegate|recommend|refer|"
    r"grant|refuse|defer|note|ratify|appoint|co-opt)\b")
# A later part of a resolution: a clause in the subjunctive, whatever its verb ("(ii) that approval
# be given to the closure …", "(b) the Director be asked to report back").
RESOLUTION_CLAUSE = re.compile(
    rf"^(?:That|that|the|The){_TO_BE}(?:\w+ed|\w+en|made|set|sought|"
    r"brought|held|put|kept|sent|paid|spent|met|run|led|built)\b")
# A motion with who moved it: "After discussion it was proposed by Cllr Chown, seconded by Cllr Lee
# that the van be purchased" (the decision, unless its vote follows).
# (names may hold stops: "Cllr. C. Moses"; the mover's line alone, "Proposed by Councillor Rhodes
# and seconded by Councillor Potts.", heads the resolution after it)
_MOVER = r"(?:[^.;]|\.\s?(?=[A-Z]))"
# ("It was proposed by Mrs Bell and seconded by Mrs Breese and That Mr Argent be appointed …")
MOTION_BY = re.compile(rf"\b(?:It|it) was proposed by {_MOVER}{{1,60}}?,? (?:and )?seconded by "
                       rf"{_MOVER}{{1,60}}? (?:and )?(?i:that)\b|"
                       # "… into the current account. Proposed by Cllr Trott and seconded by …"
                       rf"(?<=[.;] )Proposed by {_MOVER}{{1,60}}? (?:and |& )?[Ss]econded by\b")
DECISION_IN = Gated(
    # ("This matter was discussed further and Members agreed to contribute £66 …")
    rf"(?:^|(?<=[.;,] )|(?<=\bfurther and )|(?<=\bdiscussed and ))(?:{_BODY_DECIDES}|(?:It|it) was "
    r"(?:unanimously )?(?:resolved|"
    r"RESOLVED|agreed|AGREED|decided|determined)\b)|\bRESOLVED\b|"
    # "It was discussed and agreed that …", "It was proposed, seconded and resolved to …"
    r"(?:^|(?<=[.;] ))(?:It|it) was (?:\w+,? ){1,3}and (?:unanimously )?(?:agreed|resolved)\b|"
    r"\b(?:[Aa]|[Tt]he|named|recorded) vote was taken\b|\bcasting vote\b|"
    # "A motion to co-opt Mr Evans was proposed seconded and unanimously passed."
    r"\b(?:was|were) proposed,? (?:and )?seconded\b|"
    # a proposal minuted as the outcome: "It was proposed that Councillor Lee would write …"
    r"^(?:It|it) was proposed (?:and seconded )?that\b|"
    # … or with who moved it: "After discussion it was proposed by Cllr Chown, seconded by Cllr
    # Lee that the van be purchased"
    rf"{MOTION_BY.pattern}|"
    # "… and it was the unanimous decision to advise any buyer …"
    r"\b(?:was|is) the (?:unanimous |majority )?decision (?:of [^.;]{1,40} )?(?:to|that)\b|"
    # a consultee's answer on a planning application: "… 15 High Street. No objections."
    r"(?:^|(?<=[.;] ))No objections?\.?$|"
    # the chair announcing it: "… the Chair advised that the committee noted Part A …"
    r"\b(?:advised|confirmed|announced|stated) that the (?i:committee|sub-committee|panel|board|"
    r"council|cabinet|forum|members) (?:noted|agreed|resolved|approved|endorsed)\b|"
    r"put (?:[\w ]{1,40} )?to (?:the |a )?(?:recorded |named )?vote|"
    r"\b(?i:unanimously (?:agreed?|approved|resolved|carried|appointed|elected|co-opted))\b|"
    # the vote after its movers: "Proposed. Councillor Brown. Seconded. Councillor Sudworth.
    # Unanimous."
    r"(?:^|(?<=[.;] ))Unanimous\.?$|"
    # "The clerk will write to the landowner, this was agreed by all."
    r"\b(?:was|were) (?:agreed|approved) by (?:all|everyone|a majority|majority)\b|"
    r"\b[Aa]ll (?:Members |Councillors |those present )?(?:were )?in favour\b|\bnem\.? con\b|"
    # a sentence that records the outcome: "… seconded by Cllr Dunn. Resolved unanimously."
    r"(?<=[.;] )(?:Resolved|Agreed|Carried|Approved)\b(?! to (?:the|a) )(?! (?:forward|over)\b)|"
    r"\bAGREED\b|\bAPPROVED\b(?! (?i:minutes|notes)\b)|"
    r"\bRECOMMENDED\b|"
    # a town or parish council's whole response to a planning application: "… café. No objection."
    r"(?:^|(?<=[.;] ))No objections?\.?$|"
    r"\b(?i:motion|amendment|recommendations?|proposals?)(?: \d{1,2}| [A-Z])? (?:was|were) "
    r"(?:not )?(?i:carried|lost|defeated|approved|agreed|adopted|rejected)|"
    r"\b(?i:the )?(?i:motion|amendment|proposal) (?:fell|failed)\b|"
    # an office filled: "There were no further nominations; therefore, Cllr Nolan was elected.",
    # "Vice Chair: DD was appointed"
    r"\b(?:was|were) (?:duly |unanimously )?(?:elected|re-elected)\b"
    r"(?! (?:to|by|at|in|on|last|for|onto|from)\b)|"
    r"\b(?:was|were) (?:duly |unanimously )?(?:appointed|re-appointed)\.?$|"
    # a parish council's response to a planning application decided by its vote: "Members welcomed
    # the reuse of the premises and after a vote resolved to raise No objection"
    r"\b(?:after|following) (?:a|the) vote,? (?:it was )?(?:unanimously )?(?:resolved|agreed|"
    r"decided)\b|\bresolved to raise (?i:no|an?) (?i:objections?)\b|"
    # "These met with the approval of all councillors"
    r"\bmet with the (?:unanimous |full )?approval of\b|"
    # what a label names, agreed: "Accounts for Payment: These were agreed."
    r"(?:^|(?<=[.;:] ))(?:This|These) (?:was|were) (?:\w+ )?(?:agreed|approved|accepted|adopted|"
    r"ratified)\b|"
    # "Items agreed for payment: …"
    r"\b(?:agreed|approved|authori[sz]ed) for payment\b|"
    r"\b[Ff]or:? ?(?:\d{1,3}|[Nn]il|[Nn]one),? [Aa]gainst:? ?(?:\d{1,3}|[Nn]il|[Nn]one)|"
    # "… and it was agreed to write to the Council", "The Council discussed … and agreed to …"
    r"(?<=\band )it was (?:unanimously )?(?:resolved|agreed|decided)\b|"
    rf"^(?:The )?{_BODY} [^.;]{{0,200}}? and (?:unanimously )?(?:agreed|resolved|decided) "
    r"(?:to|that)\b|"
    # a quote or a proposal taken: "Only one quote had been received. This was accepted …"
    r"(?<=[.;] )(?:This|These|It|They) (?:was|were) (?:unanimously )?(?:accepted|approved)\b"
    r"(?! that)|"
    r"\b(?:was|were) (?:unanimously |duly )?(?:(?:elected|voted in|co-opted|appointed) "
    r"(?:as|to|on ?to)|voted as)"
    r"\b|\b(?:was|were) (?:unanimously |duly )?re-(?:appointed|elected)\b|"
    # an outcome closing its sentence: "Following a discussion, the Financial Report was accepted."
    r"\b(?:was|were) (?:unanimously |duly )?(?:accepted|approved|adopted|ratified|co-opted)"
    r"(?=\.(?:\s|$)|$)|"
    # a motion minuted by its outcome: "On the proposition of Cllr Merchant seconded by Cllr
    # Stancer, the minutes … were signed by the Chairman"
    r"^On the proposition of\b|"
    # the decision labelled inside a paragraph: "Discussion followed. Decision: the Chair …"
    r"(?<=[.;] )Decisions?\s*:|"
    # an outcome marked by a capital inside a line: "First Aid – Agreed private company
    # required", "menu looked at and Agreed"
    r"(?<=[–—-] )Agreed\b|(?<=\band )Agreed\b|(?<=\b[a-z]{3} )Agreed(?= with\b|$)|"
    # officers or a team agreeing what is done: "the Chair and Clerk agreed to defer …", "the
    # current team agreed to stay in post"
    r"\b(?:[Tt]eam|Chair\w*|Clerk|Secretary|Treasurer) (?:both |all |then |also )?agreed to "
    r"(?:defer|stay|remain|postpone|hold|accept|adopt|approve|pay|fund|donate|purchase|buy|"
    r"continue|contribute|order|renew|extend|grant)\b|"
    # a town or parish council's precept: "The precept was set at £5600", "a precept of £20 was
    # signed"
    r"\b[Pp]recept (?:of £[\d,.]+ |for [\d/-]+ )?(?:was|is|be|to be) (?:set|agreed|approved|"
    r"signed|fixed)\b|"
    # a motion minuted in short: "Prop Cllr AP, 2nd Cllr AS carried", "…, Coun Reynalds
    # seconded, carried" (a motion "proposed by X and seconded by Y" heads the vote on it)
    r"\b(?:[Ss]econded|2nd)\b[^.;]{0,60}?\b[Cc]arried\b|"
    # agreed after a clause of its own: "After some discussion it was agreed to request …"
    r"(?<!that )(?<!said )(?<!whether )(?<!if )\b[Ii]t was (?:therefore |also |then )?"
    r"(?:unanimously )?(?:agreed|resolved|decided) (?:that|to|not to)\b|"
    # "… presented the monthly report and this was agreed", "We agreed to wait and see …"
    r"(?<=\band )this was (?:unanimously )?(?:agreed|approved|accepted)\b|"
    r"(?:^|(?<=[.;] ))We (?:then |therefore |unanimously )?(?:agreed|decided|resolved) "
    r"(?:to|that|not to)\b|"
    # what was paid or given: "The following payments were agreed:", "… was allocated to …"
    r"^(?:[a-z]\) )?The following [^.;]{0,60}? (?:was|were) (?:agreed|approved|"
    r"authori[sz]ed|ratified|adopted)\b|\b(?:was|were) allocated to\b|"
    r"\b\d{1,3} (?:voted )?(?:for|in favour),? \d{1,3} (?:voted )?against\b|"
    # "Proposed, seconded and resolved that the minutes be signed as a correct record."
    r"(?:^|(?<=[.;] ))(?:Proposed|Moved),? (?:and )?seconded,? (?:and )?(?:unanimously )?"
    r"(?i:resolved|agreed|carried|approved)\b|"
    # "12 agreed, 2 Abstention, Carried."
    r"\b\d{1,3} (?:agreed|for|in favour),? \d{1,3} (?i:abstentions?|abstained|against)\b|"
    r"\bvoting (?:was|as follows)|\bOn a (?:show of hands|vote|recorded vote)\b|"
    r"\bvotes? (?:was|were) cast\b|"
    # a town or parish council's record of its agreement: "All councillors in agreement",
    # "agreed unanimously" (moving and seconding a motion decides nothing yet)
    r"\b(?:All|all) (?:\w+ )?(?:were )?(?:in agreement|agreed)\b|"
    r"\b(?:agreed|approved|carried|resolved) unanimously\b|\bwas unanimous\b|"
    r"\b(?i:motion|amendment) (?:was |were )?declared (?:carried|lost|defeated)\b|"
    # a Scottish council's vote: "On the division there voted: …", "… became the finding of the
    # meeting"
    r"\bOn the division\b|\bbecame the (?:finding|decision) of the (?:meeting|Committee|Council)\b|"
    # "Proposed by Cllr Ames, seconded by Cllr Bell and carried."
    # (… or "Seconded by Councillor M. Leggott and Resolved by all that …")
    # ("… proposed Cllr Tulloch, seconded Cllr Mrs Hargreaves and agreed Mrs Spink be co-opted",
    # "Proposed: DH, Seconded JD, Voted to accept")
    rf"\b[Ss]econded(?: by)?:? {_MOVER}{{1,60}}?(?:,| and) (?:unanimously )?(?i:carried|agreed|"
    r"resolved|approved|voted)\b|"
    # the last minutes accepted, whoever accepts them and wherever it is said: "Those present at
    # last year's meeting resolved to accept the minutes as a true record.", "Councillors
    # unanimously accepted these minutes as a true and accurate record", "With this alteration,
    # they were accepted as an accurate record."
    r"\b(?:resolved|agreed|voted) to (?:accept|approve|adopt|confirm) the (?:draft )?"
    r"(?:minutes|notes)\b|"
    rf"\b(?:accepted|approved|adopted|confirmed) (?:the|these|those) (?:draft )?(?:minutes|notes) "
    rf"as {_RECORD}|"
    rf"\b(?:was|were) (?:\w+ and )?(?:accepted|approved|adopted|confirmed|agreed) as {_RECORD}|"
    # a proposal and its acceptance: "…, which was accepted by the Panel.", "This suggestion
    # was accepted."
    r"\bwhich was (?:unanimously )?(?:accepted|agreed|approved|carried)(?: by (?:the |all )?"
    r"[\w ]{1,30})?(?=[.;]|$)|(?:^|(?<=[.;] ))This (?:suggestion|proposal|request|"
    r"recommendation|amendment|motion) was (?:unanimously )?(?:accepted|agreed|approved|carried)\b",
    ("resolv", "agree", "approv", "endors", "determin", "decid", "noted", "vot", "accept", "grant",
     "refus", "defer", "recommend", "receiv", "objec", "support", "unanim", "favour", "nem",
     "carri", "lost", "defeat", "adopt", "reject", "ratif", "against", "show of hands",
     "allocat", "division", "finding", "propos", "decision", "precept", "elect", "appoint",
     "co-opt", "declin", "fell", "failed",
     "all "))
# A paragraph whose first clause says what was approved: "Payments totalling £1,061.67 were
# approved as listed below." (later in a paragraph the same words report a debate).
# The offices a meeting fills by election.
_OFFICE = (r"Chair|Chairman|Chairperson|Chairwoman|Vice[- ]Chair\w*|Deputy Chair\w*|Mayor|"
           r"Deputy Mayor|Leader|Secretary|Treasurer|Convener|Convenor|President|Vice[- ]President")
PASSIVE_DECISION = re.compile(r"^(?:[^.;:]|\.(?=\d)|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bDr)\.|"
                              # (a title's or an initial's stop: "Mr. J E Lightfoot was appointed
                              # Chairman")
                              r"(?<=\bCllr)\.|(?<=\b[A-Z])\.){0,150}"
                              # ("… were considered, approved and duly signed")
                              r"\b(?:(?:was|were) (?:(?:received|"
                              r"submitted|considered|presented|read|checked|reviewed|examined)"
                              r"(?:,| and) )?(?:therefore |then )?(?:unanimously )?"
                              r"(?:approved|agreed|adopted|carried(?! out)|ratified|noted(?! that)|"
                              r"endorsed|granted|awarded|refused|deferred|rejected|accepted(?! that)|"
                              r"co-opted)\b"
                              # (approved by another body is reported: "approved by the
                              # Cabinet on …"; by those at the meeting, decided)
                              r"(?! (?:at|in|on|last) | by (?!(?:the )?(?:meeting|all|everyone|"
                              r"those present|members|councillors)\b))|"
                              # "Councillor Skipp was confirmed as Chairman of the Group."
                              r"(?:was|were) (?:duly |unanimously )?(?:elected|re-elected|"
                              r"appointed|re-appointed|confirmed|voted in) (?:as )?(?:the )?"
                              rf"(?:new )?(?i:{_OFFICE})\b|"
                              # an office filled by a proposal seconded: "Matt Halliday proposes
                              # Scott Baillie as Chairman and Jennifer Miller seconds"
                              rf"\bpropos(?:es|ed) [A-Z][\w'’ -]{{0,40}}? as (?:the )?(?:{_OFFICE})\b|"
                              # who approved and seconded it: "Approved by Duncan Connon; Seconded
                              # by …", "The minutes were approved by Kenny Thomson and seconded by
                              # …" ("Moved by …, Seconded by …" heads a motion's text)
                              r"^(?:(?:[^.;:]){0,80}\b(?:was|were) )?(?:[Aa]pproved|[Aa]greed) by "
                              r"[A-Z][^;.]{0,60}[;,.]? (?:and )?[Ss]econded by\b|"
                              # the last minutes taken as the record: "… were found to be correct",
                              # "These were proposed as a correct record by …"
                              # ("… were discussed and resolved as being a true record")
                              r"(?:was|were) (?:\w+ and )?(?:found|confirmed|taken|signed|"
                              rf"proposed|adopted|accepted|resolved) (?:to be|as) {_RECORD}|"
                              # "The precept for 2025/26 to be set at £41,000."
                              r"to be (?:set|approved|adopted|paid|agreed|accepted|ratified|"
                              r"renewed|awarded)\b|"
                              # an action given to someone: "The Clerk was asked to write to the
                              # county" (a body asked to approve is a report's recommendation)
                              r"(?:[Cc]lerk|RFO|[Oo]fficers?|[Cc]hair(?:man)?|(?:Cllr\.?|Councillor|"
                              r"Mr|Mrs|Ms|Miss) [A-Z][\w'’-]+) (?:was|were) (?:asked|instructed|"
                              r"authori[sz]ed) to (?!attend|"
                              r"speak|address|leave|comment|explain|respond|answer)\w|"
                              # a payment made: "A cheque was signed to Mr Perrett for …"
                              r"\b(?:[Pp]ayments?|[Cc]heques?|[Ii]nvoices?)\b[^.;]{0,60}\b(?:was|were) "
                              r"(?:signed|made|paid|issued|authori[sz]ed)\b)")
# "The responses received so far were noted": the end of what went before it.
WERE_NOTED = re.compile(r"\b(?:was|were) (?:duly )?noted\b")
# A lead-in that ends in the decision its parts spell out: "… the Cabinet Member resolved that:".
DECIDES_BELOW = re.compile(r"\b(?:resolved|agreed|decided|determined|voted|RESOLVED|AGREED|DECIDED)"
                           r"(?: (?:that|to|as follows)| (?i:that))?\s*(?::-?|[-–])\s*$")
# A label in capitals heading its points: "REASON FOR DECISION –", "REASONS:".
LABEL_HEAD = re.compile(r"^[A-Z][A-Z'’ ]{2,40}\s*(?::-?|[-–])$")
# A lead-in long enough to say something itself ("The Board considered a report of … at:").
LONG_LEAD_IN_WORDS = 15
# A body alone above the parts of its decision: "The Committee:-", "The Joint Committee:".
BODY_HEAD = re.compile(rf"^(?:The |the )?{_BODY}\s*:-?$")
# Lead-ins that open the text of a motion or a resolution: the parts below belong to them
# (not what "had been agreed" at an earlier meeting).
MOTION_HEAD = re.compile(
    r"\b(?:(?:a|an|the|following|this) (?:substantive |revised |amended )?(?:(?i:notice of motion)|motion|amendment|"
    r"resolution|objection)|following (?i:proposals?)|RESOLVED|RECOMMENDED|(?<!had )(?<!been )(?:resolved|AGREED|agreed|decided))\b")
# ("lines of enquiry" are the scope of a scrutiny review, not questions put at the meeting)
QUESTION_SECTION = re.compile(
    # (a response to a consultation or an appeal answers no question: "The Planning Committee
    # recommended a response to the planning appeal as follows:")
    r"\b(?:questions?|quer(?:y|ies|ied)|asked|(?<!lines of )(?<!line of )enquir\w*|"
    r"respon(?:se|ses|ded|ding)(?! to (?:the |a |this |that )?(?:\w+ )?(?:planning|consultation|"
    r"appeal|application|survey|letter)s?\b)|"
    r"answers?|clarifications?|sought (?:\w+ ){0,2}(?:assurances?|information|details|views))\b|"
    r"^(?:written |verbal )?repl(?:y|ies)\s*:", re.I)
# A lead-in stating the rules of questions, not recording any: "Any member may ask a Chair or
# the Leader a question on:".
QUESTION_RULES = re.compile(r"\b(?:may|can|must|shall|should) (?:not )?(?:ask|put|submit|raise)\b",
                            re.I)
PRESENTATION_SECTION = re.compile(
    r"\b(?:introduc\w*|present\w*|made the following|highlighted|outlined|update|informed|"
    r"advised|reported|explained|briefed|overview|key points|main points|points made by)\b",
    re.I)
# Points raised in a discussion or debate: each is judged on its own, not as a presentation.
DISCUSSION = re.compile(r"\b(?:discussion|debate|debated|raised)\b", re.I)
# Members making points in debate: each point is judged on its own, as no presentation is.
MEMBERS_POINTS = re.compile(r"^(?:\w+ )?(?:Members|Councillors) (?:then )?(?:made|raised|commented|"
                            r"discussed|expressed|highlighted)\b")
# A lead-in that says points follow, without its colon: "… raised the following queries".
FOLLOWING_END = re.compile(r"\b(?:the following(?: [\w-]+){0,3}|as follows)\.?$")
LEAD_IN_END = re.compile(r"(?::-?|\s[-–]|\.\.\.|…)\s*$")
LEAD_IN_SPEAKER = re.compile(
    rf"(?:^|, |\band |(?<=\s)(?=the [A-Z]))({PERSON})(?: then| also| further| had)? (?:made|gave|highlighted|"
    r"outlined|explained|reported|advised|informed|stated|said|noted|presented|delivered|"
    r"provided|responded|raised|set out|drew|commented|added|answered|replied|confirmed|"
    r"summarised|covered|included)\b")
# (a role may follow other words: "In response to questions from Members the Licensing and
# Compliance Officer confirmed;")
# A lead-in whose speaker raised the points below rather than answered them.
LEAD_IN_ASKS = re.compile(r"\b(?:raised|asked|queried)\b")
# A lead-in to the answers given to points listed before it: "In response, officers advised that:".
RESPONSES_HEAD = re.compile(r"^(?:In (?:response|reply|answer)\b|[^.]{0,80}\b(?:responded|replied|"
                            r"answered)\b)")
# A turn of a verbatim transcript: "Caroline Russell AM: …", "Sophie Linden (Deputy Mayor): …".
TURN = re.compile(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,4})(?: \([^()]{1,80}\))?:\s+\S")
# A speaker's name alone before what they said: "Councillor Smith:".
# (titled or a role: "Key Aims:" heads points, no one's speech)
NAME_ONLY = re.compile(rf"^(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Mayor|Professor|the|The)\b)"
                       rf"({PERSON})\s*:-?$")
# A titled name alone on a line, heading what that person said in the paragraphs under it.
NAME_LINE = re.compile(rf"^(?=(?:Cllr|Councillor|County Councillor|Mr|Mrs|Ms|Miss|Dr|Mayor|"
                       rf"Professor|Alderman|Bailie)\b)({PERSON})$")
# A reply to questions the minutes do not record: "Councillor Blackburn, Leader of the Council,
# responded to questions and concerns from the Committee relating to …".
ANSWERS_UNRECORDED = re.compile(rf"^({PERSON})(?:, [^.]{{3,100}},)? (?:then |also )?(?:responded "
                                r"to|answered|replied to) (?:a |the |various |several |all |"
                                r"members'? |a number of )?(?:questions?|queries|query|concerns)\b"
                                # "In terms of …, the Mayor reassured Members that …"
                                r"|^(?:[^,]{0,120}, )?(?:the |The )?[A-Z][\w'’ -]{0,40}? "
                                r"(?:re)?assured (?:Members|the (?:Committee|Panel|Board))\b")
# A line naming who asked about what, above the answer: "Councillor Hurst in relation to budget
# over-spends".
ASKED_ABOUT_LINE = re.compile(rf"^(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b)({PERSON}) "
                              r"(?:in relation to|regarding|concerning|about|re:?) [^.?!]{3,120}$")
# A point written without its subject under a speaker's name ("Queried the effectiveness of …",
# "Thanked officers …"): a verb in the past tense opens it.
SUBJECTLESS = re.compile(r"^(?:Also |Further |Then |Again |Finally )?(?!(?:United|Hundred|Limited|"
                         r"Need|Proceed|Speed|Bed|Red|Shed)\b)(?:[A-Z][a-z]+ed|Said|Felt|Sought|"
                         r"Thought|Made|Gave|Spoke|Put|Took|Saw)\b")
# (after a short label: "Oct20-Ac4, Early Years Budget: Councillor Boeck stated …")
SPEAKER_START = re.compile(
    rf"^(?:[^,]{{0,60}}, |[^:.]{{0,80}}: )?({PERSON}),?(?: then| also| further| again)? (?:{SPEECH_VERBS})\b")
ASKER = re.compile(rf"(?:^|, |\band )({PERSON}|{_MEMBER})(?: then| also| further)? "
                   r"(?:asked|queried|enquired|inquired|sought|questioned|raised|expressed)\b|"
                   rf"\b(?:question|query) (?:(?:was|had been) (?:received|submitted) )?from "
                   rf"({PERSON})|^In response to ({PERSON}),|"
                   rf"^Asked by ({PERSON})")
