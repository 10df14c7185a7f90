"""Sentences composed in the reader's language: what a meeting did, what a figure counts.

Whole sentences are gettext patterns with named placeholders, so each language
orders them its own way, and each kind of meeting has its own patterns, declared with
its level (contract/vocabularies.py LEVEL), so that verbs agree with the noun the
language uses for it ('s’est tenue' / 's’est tenu', 'состоялось' / 'состоялся').
Words and formats come from the Localiser, the records' names and texts from Names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from ..contract.labels import NC_
from ..contract.schema import MEETINGS
from ..contract.vocabularies import LEVEL
from ..lang.localiser import DATA_LANGUAGE, Localiser
from ..model import Mechanism, Meeting, Summary
from ..utils.text import typographic
from ..world import places
from .names import Names

ARTICLE = re.compile(r"the\s", re.IGNORECASE)
"""An English title that opens with its own article takes no other: 'The Hague Forum'."""
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

    def meeting_name(self, meeting: Meeting) -> Markup:
        """The meeting named by its title, as a sentence opens with it: 'The 18th Bali Process
        Senior Officials’ Meeting'; in another language, with the word for its kind of
        meeting, so that the sentence agrees with it: 'La réunion des hauts fonctionnaires
        « 18th Bali Process Senior Officials’ Meeting »'."""
        if self.loc.lang == DATA_LANGUAGE and ARTICLE.match(meeting.name):
            return self.loc.data_text(meeting.name[:1].upper() + meeting.name[1:])
        pattern = escape(self.loc.pgettext(*LEVEL[meeting.level].title_pattern))
        return pattern.format(title=self.meeting_title(meeting))

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

        Each level has its own patterns, so that verbs and participles agree with
        the noun the language uses for that kind of meeting ('s’est tenue' /
        's’est tenu', 'состоялось' / 'состоялся'). A meeting after the edition date
        (planned) is told in the future, and has adopted nothing yet.
        """
        patterns = LEVEL[meeting.level].sentence_patterns
        values = dict(meeting=self.meeting_name(meeting),
                      dates=self.loc.date_range(meeting.start, meeting.end, in_sentence=True),
                      place=self.place(meeting))
        if meeting.status == "planned":
            pattern = self.loc.pgettext(*patterns.upcoming)
        elif meeting.outcome_documents:
            pattern = self.loc.pgettext(*patterns.adopted)
            document = escape(self.loc.pgettext(*OUTCOME_DOCUMENT))
            titles = self.names.tr_items(meeting, OUTCOME_DOCUMENT_COLUMN)
            values["outcomes"] = self.loc.markup_list([
                document.format(document=Markup("<cite>{}</cite>").format(title))
                for title in titles])
        else:
            pattern = self.loc.pgettext(*patterns.held)
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


# Translators: one document adopted by a meeting, {document} its title as written in the
# inputs; several are listed in your language's way ('A, B and C').
OUTCOME_DOCUMENT = NC_("outcome document", "the {document}")
