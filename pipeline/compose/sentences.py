"""Sentences composed in the reader's language: what a meeting did, what a figure counts.

Whole sentences are gettext patterns with named placeholders, so each language
orders them its own way. A meeting's sentence opens with the meeting's own title, and has
one frame for each gender and number a title can have (FRAMES), so that verbs agree with
the title ('La 3e Conférence… s’est tenue', 'Le Forum… s’est tenu', 'состоялось' /
'состоялся'): the translator's sheet gives the gender of each title it translates
(contract/grammar.py); a title without it is told in a frame that needs none.
Words and formats come from the Localiser, the records' names and texts from Names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from ..contract.grammar import FEMININE, MASCULINE, NEUTER
from ..contract.labels import NC_
from ..contract.schema import MEETINGS
from ..lang.localiser import DATA_LANGUAGE, OWN_ARTICLE, Localiser
from ..model import Mechanism, Meeting, Summary
from ..utils.text import typographic
from ..world import places
from .names import Names

TITLE, SUMMARY, OUTCOME_DOCUMENT_COLUMN, CITY = (
    MEETINGS.column(name) for name in ("title", "summary", "outcome_document", "city"))


@dataclass(frozen=True)
class Sentences:
    """The sentences of one language; its methods are the templates' filters too."""

    loc: Localiser

    @cached_property
    def names(self) -> Names:
        return Names(self.loc)

    def members_sentence(self, summary: Summary) -> str:
        """What the number of member States counts, and on how many member lists it rests:
        'States are members of at least one of the 20 mechanisms whose member lists are
        known'."""
        n, known = summary.member_states, summary.member_lists_known
        if known == summary.mechanisms:
            return self.loc.translations.ngettext("State is a member of at least one mechanism",
                                              "States are members of at least one mechanism",
                                              n)
        lists = self.loc.ngettext("the {n} mechanism whose member list is known",
                              "the {n} mechanisms whose member lists are known", known)
        # Translators: {lists} is 'the 20 mechanisms whose member lists are known'.
        return self.loc.translations.ngettext("State is a member of at least one of {lists}",
                                          "States are members of at least one of {lists}",
                                          n).format(lists=lists)

    def ranking_note(self, missing: list[Mechanism]) -> Markup:
        """Why the States are not ranked by membership: whose member lists are missing."""
        names = [self.names.short_name(m) for m in missing]
        return escape(self.loc.translations.ngettext(
            "States are not ranked by the number of mechanisms they belong to: the member "
            "list of {mechanisms}, an active mechanism, is not known.",
            "States are not ranked by the number of mechanisms they belong to: the member "
            "lists of {n} active mechanisms ({mechanisms}) are not known.", len(missing))
        ).format(n=self.loc.number(len(missing)), mechanisms=self.loc.markup_list(names))

    def meeting_title(self, meeting: Meeting) -> Markup:
        """The meeting's own title as printed (tables, calendar): translated where it is."""
        if self.names.translation(meeting, TITLE):
            return self.names.tr(meeting, TITLE)
        return self.loc.data_text(meeting.name, meeting.written_in(TITLE))

    def meeting_name(self, meeting: Meeting, opens: bool = True) -> tuple[Markup, str | None]:
        """The meeting named by its own title, as a sentence names its subject, and the
        grammatical class its frame agrees with (grammar.CLASSES).

        The title as the data writes it, never with the name of its kind of meeting before
        it: in English with its article ('The 18th Bali Process Senior Officials’ Meeting');
        in another language, translated, with the article its gender takes there ('La 3e
        Conférence…', 'El Tercer Foro…', 'L’Atelier…'; none in Russian and Arabic) when the
        translator gave the gender. Without it (a title left in English, or translated
        without its gender) the class is None, and the sentence's frame needs none.
        opens: the sentence opens with it (its article then takes a capital).
        """
        if self.loc.lang == DATA_LANGUAGE:
            if OWN_ARTICLE.match(meeting.name):
                return self.loc.data_text(meeting.name[:1].upper() + meeting.name[1:]), MASCULINE
            return self.loc.article(meeting.name, None, opens) + self.loc.data_text(
                meeting.name), MASCULINE
        grammar = self.names.grammar(meeting, TITLE)
        translated = self.names.translation(meeting, TITLE)
        if not translated or not grammar:
            return self.meeting_title(meeting), None
        return (self.loc.article(str(translated), grammar[0], opens)
                + self.names.tr(meeting, TITLE)), grammar[0].key

    def outcomes(self, meeting: Meeting) -> tuple[Markup, str]:
        """The documents a meeting adopted, each named directly with the article its
        gender takes ('la Déclaration du Caire et le Plan d’action du Caire', 'Бакинская
        декларация'), and the class of what they make together (one document's, or
        plural), which the words of the adoption agree with in Russian ('была принята
        Бакинская декларация'). A document whose gender the translator did not give is
        named with a noun that has one: 'le document <cite>…</cite>'."""
        titles = self.names.tr_items(meeting, OUTCOME_DOCUMENT_COLUMN)
        texts = self.names.translation(meeting, OUTCOME_DOCUMENT_COLUMN) \
            or meeting.outcome_documents
        grammars = self.names.grammar(meeting, OUTCOME_DOCUMENT_COLUMN)
        named, classes = [], []
        for position, (title, text) in enumerate(zip(titles, texts)):
            cited = Markup("<cite>{}</cite>").format(title)
            grammar = grammars[position] if grammars and position < len(grammars) else None
            if self.loc.lang == DATA_LANGUAGE or grammar is not None:
                named.append(self.loc.article(text, grammar, False) + cited)
                classes.append(grammar.key if grammar else MASCULINE)
            else:
                named.append(escape(self.loc.pgettext(*OUTCOME_DOCUMENT)).format(
                    document=cited))
                classes.append(MASCULINE)  # the noun the message names it by
        together = classes[0] if len(classes) == 1 else "plural"
        return self.loc.markup_list(named), together

    def place(self, meeting: Meeting) -> Markup:
        """'in Colombo, Sri Lanka', 'au Caire (Égypte)', 'в Женеве (Швейцария)', 'in Sri
        Lanka' or 'online', as the language says it. A city the gazetteer knows comes with
        the words the language puts before it; another is named so that it need not be
        declined ('в г. Риоача')."""
        city, country = meeting.city, self.loc.country(meeting.country)
        if places.is_online(city):
            city = ""
        translated = self.names.translation(meeting, CITY)
        phrase = city and not translated and places.in_city(city, meeting.country or None,
                                                            self.loc.lang)
        if phrase:
            if not country:
                return escape(phrase)
            return escape(self.loc.pgettext("place: a city with its preposition, its country",
                                             "{in_city}, {country}")).format(
                in_city=phrase, country=country)
        city = self.city(meeting) if city else city
        if city and country:
            pattern = self.loc.gettext("in {city}, {country}")
        elif city:
            pattern = self.loc.gettext("in {city}")
        elif country:
            pattern = self.loc.gettext("in {country}")
        else:
            return escape(self.loc.gettext("online"))
        return escape(pattern).format(city=city, country=country)

    def city(self, meeting: Meeting) -> Markup:
        """The meeting's city in the reader's language: translated, else the gazetteer's
        name, else as written (marked English); blank for an online meeting."""
        if places.is_online(meeting.city):
            return Markup("")
        return self.names.tr(meeting, CITY, meeting.country)

    def table_place(self, meeting: Meeting) -> Markup:
        """'Geneva, Switzerland' for a table cell; blank for an online meeting."""
        city, country = self.city(meeting), self.loc.country(meeting.country)
        if city and country:
            return escape(self.loc.pgettext("place in a table", "{city}, {country}")).format(
                city=city, country=country)
        return city or escape(country)

    def meeting_sentence(self, meeting: Meeting) -> Markup:
        """One sentence per meeting: who, when, where, what it adopted; then its summary.

        The meeting's own title is its subject (meeting_name), and the frame agrees with
        the title's gender and number in the language ('s’est tenue' / 's’est tenu' / 'se
        sont tenues', 'состоялась' / 'состоялся', 'عُقد' / 'عُقدت'); a title whose gender is
        not known is told in a frame that needs none. A meeting after the edition date
        (planned) is told in the future, and has adopted nothing yet. A summary that names
        every document the meeting adopted already says the adoption: the sentence then
        does not say it a second time (the summary, the editor's own words, says more).
        """
        key = self.frame_key(meeting)
        values = dict(dates=self.loc.date_range(meeting.start, meeting.end, in_sentence=True),
                      place=self.place(meeting))
        if meeting.status == "planned":
            pattern = self.loc.pgettext(*FRAMES[key].upcoming)
        elif meeting.outcome_documents and not self.summary_tells_adoption(meeting):
            pattern = self.loc.pgettext(*FRAMES[key].adopted)
            documents, together = self.outcomes(meeting)
            values["outcomes"] = escape(self.loc.pgettext(*ADOPTED[together])).format(
                documents=documents)
        else:
            pattern = self.loc.pgettext(*FRAMES[key].held)
        values["meeting"] = self.meeting_name(meeting, opens=pattern.startswith("{meeting}"))[0]
        sentence = escape(pattern).format(**values)
        if self.names.translation(meeting, SUMMARY):
            return sentence + Markup(" ") + self.names.tr(meeting, SUMMARY)
        summary = typographic(meeting.summary)
        if summary and self.loc.lang == DATA_LANGUAGE:
            sentence += Markup(" ") + escape(summary)
        elif summary:
            # In another language the English summary gets a line of its own, where it
            # reads left to right even on an Arabic page.
            sentence += Markup('<span class="summary" lang="{}" dir="ltr">{}</span>').format(
                DATA_LANGUAGE, summary)
        return sentence

    def frame_key(self, meeting: Meeting) -> str | None:
        """The class of the meeting's title (meeting_name): which frame tells of it."""
        return self.meeting_name(meeting)[1]

    @staticmethod
    def summary_tells_adoption(meeting: Meeting) -> bool:
        """Whether the summary names every document the meeting adopted: it then says the
        adoption itself. Read on the English, which every translation of it follows, so
        that each language drops the same clause."""
        summary = typographic(meeting.summary).casefold()
        return bool(summary) and all(typographic(title).casefold() in summary
                                     for title in meeting.outcome_documents)


@dataclass(frozen=True)
class Frames:
    """How a sentence tells of a meeting whose title has one grammatical class."""

    held: tuple[str, str]
    """A meeting that took place: '{meeting} took place {dates} {place}.'"""
    adopted: tuple[str, str]
    """One that adopted documents: '{meeting}, held {dates} {place}, adopted {outcomes}.'"""
    upcoming: tuple[str, str]
    """One after the edition date: '{meeting} is scheduled to take place {dates} {place}.'"""


# Translators: the sentences that tell of a meeting. {meeting} is the meeting's own title,
# translated, with the article its gender takes in your language (written by the code:
# 'la 3e Conférence ministérielle…', 'el Tercer Foro…'; none in Russian or Arabic); the
# context says the gender and number of the title's head noun, which the verb and the
# participles agree with ('s’est tenue', 'состоялось', 'عُقدت'). {dates} is a date in a
# sentence ('on 4 May 2025', 'les 23 et 24 janvier 2025'), {place} 'in Colombo, Sri Lanka'
# or 'online', {outcomes} the documents adopted (the message 'documents adopted').
FRAMES: dict[str | None, Frames] = {
    MASCULINE: Frames(
        NC_("meeting sentence, title masculine", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title masculine",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        # Translators: a meeting after the date of the edition, told in the future ('se
        # tiendra', 'состоится', 'سيُعقد').
        NC_("upcoming meeting sentence, title masculine",
            "{meeting} is scheduled to take place {dates} {place}.")),
    FEMININE: Frames(
        NC_("meeting sentence, title feminine", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title feminine",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title feminine",
            "{meeting} is scheduled to take place {dates} {place}.")),
    NEUTER: Frames(
        NC_("meeting sentence, title neuter", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title neuter",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title neuter",
            "{meeting} is scheduled to take place {dates} {place}.")),
    "masculine plural": Frames(
        NC_("meeting sentence, title masculine plural", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title masculine plural",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title masculine plural",
            "{meeting} is scheduled to take place {dates} {place}.")),
    "feminine plural": Frames(
        NC_("meeting sentence, title feminine plural", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title feminine plural",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title feminine plural",
            "{meeting} is scheduled to take place {dates} {place}.")),
    "plural": Frames(
        NC_("meeting sentence, title plural of no gender", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title plural of no gender",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title plural of no gender",
            "{meeting} is scheduled to take place {dates} {place}.")),
    # Translators: a title whose gender is not known (left in English, or translated without
    # it): {meeting} is the title alone, without an article. Write a frame that needs no
    # agreement with it, e.g. '{meeting} : réunion tenue {dates} {place}.'
    None: Frames(
        NC_("meeting sentence, title of unknown gender", "{meeting} took place {dates} {place}."),
        NC_("meeting sentence, title of unknown gender",
            "{meeting}, held {dates} {place}, adopted {outcomes}."),
        NC_("upcoming meeting sentence, title of unknown gender",
            "{meeting} is scheduled to take place {dates} {place}.")),
}
"""The frames, by the grammatical class of the meeting's title (grammar.CLASSES; None: not
known)."""

# Translators: the documents a meeting adopted, as {outcomes} of its sentence: {documents}
# names them ('the Baku Declaration', 'la Déclaration du Caire et le Plan d’action du
# Caire'); the context says the gender and number of what they make together (one document's,
# or plural for several). Add the words that agree with them where your language needs them
# (Russian: 'была принята {documents}'); most languages write '{documents}' alone.
ADOPTED: dict[str, tuple[str, str]] = {
    MASCULINE: NC_("documents adopted, masculine", "{documents}"),
    FEMININE: NC_("documents adopted, feminine", "{documents}"),
    NEUTER: NC_("documents adopted, neuter", "{documents}"),
    "masculine plural": NC_("documents adopted, masculine plural", "{documents}"),
    "feminine plural": NC_("documents adopted, feminine plural", "{documents}"),
    "plural": NC_("documents adopted, plural", "{documents}"),
}

# Translators: a document adopted by a meeting whose gender in your language the translator
# did not give (its name left as published, in English): named with a noun that has one,
# 'le document {document}' ({document} is its name, in italics, without quotation marks).
OUTCOME_DOCUMENT = NC_("outcome document of unknown gender", "the {document}")
