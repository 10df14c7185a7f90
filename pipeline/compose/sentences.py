"""Sentences composed in the reader's language: what a meeting did, what a figure counts.

Whole sentences are gettext patterns with named placeholders, so each language
orders them its own way, and each kind of meeting has its own patterns, so that
verbs agree with the noun the language uses for it ('s’est tenue' / 's’est
tenu', 'состоялось' / 'состоялся'). Words and formats come from the Localiser.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..contract.labels import NC_
from ..lang.localiser import ARTICLE, DATA_LANGUAGE, ONLINE, Localiser
from ..model import Mechanism, Meeting, Summary
from ..utils.text import header_key, typographic
from ..world import places


@dataclass(frozen=True)
class Sentences:
    """The sentences of one language; its methods are the templates' filters too."""

    loc: Localiser

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
        names = [self.loc.short_name(m) for m in missing]
        return escape(self.loc.translations.ngettext(
            "States are not ranked by the number of mechanisms they belong to: the member "
            "list of {mechanisms}, an active mechanism, is not known.",
            "States are not ranked by the number of mechanisms they belong to: the member "
            "lists of {n} active mechanisms ({mechanisms}) are not known.", len(missing))
        ).format(n=self.loc.number(len(missing)), mechanisms=self.loc.markup_list(names))

    def meeting_title(self, meeting: Meeting) -> Markup:
        """The meeting's own title as printed (tables, calendar): translated where it is."""
        if self.loc.translation(meeting, "title"):
            return self.loc.tr(meeting, "title")
        return self.loc.data_text(meeting.name)

    def meeting_name(self, meeting: Meeting) -> Markup:
        """The meeting named by its title, as a sentence opens with it: 'The 18th Bali Process
        Senior Officials’ Meeting'; in another language, with the word for its kind of
        meeting, so that the sentence agrees with it: 'La réunion des hauts fonctionnaires
        « 18th Bali Process Senior Officials’ Meeting »'."""
        if self.loc.lang == DATA_LANGUAGE and ARTICLE.match(meeting.name):
            return self.loc.data_text(meeting.name[:1].upper() + meeting.name[1:])
        pattern = escape(self.loc.pgettext(*TITLE_PATTERNS[meeting.level]))
        return pattern.format(title=self.meeting_title(meeting))

    def place(self, meeting: Meeting) -> Markup:
        """'in Colombo, Sri Lanka', 'au Caire (Égypte)', 'в Женеве (Швейцария)', 'in Sri
        Lanka' or 'online', as the language says it. A city the gazetteer knows comes with
        the words the language puts before it; another is named so that it need not be
        declined ('в г. Риоача')."""
        city, country = meeting.city, self.loc.country(meeting.country)
        if header_key(city) in ONLINE:
            city = ""
        translated = self.loc.translation(meeting, "city")
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
        if header_key(meeting.city) in ONLINE:
            return Markup("")
        if self.loc.translation(meeting, "city"):
            return self.loc.tr(meeting, "city")
        named = places.city_name(meeting.city, meeting.country or None, self.loc.lang)
        return escape(named) if named else self.loc.data_text(meeting.city)

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
        held, adopted = SENTENCE_PATTERNS[meeting.level]
        values = dict(meeting=self.meeting_name(meeting),
                      dates=self.loc.date_range(meeting.start, meeting.end, in_sentence=True),
                      place=self.place(meeting))
        if meeting.status == "planned":
            pattern = self.loc.pgettext(*UPCOMING_PATTERNS[meeting.level])
        elif meeting.outcome_documents:
            pattern = self.loc.pgettext(*adopted)
            document = escape(self.loc.pgettext(*OUTCOME_DOCUMENT))
            titles = self.loc.tr_items(meeting, "outcome_document")
            values["outcomes"] = self.loc.markup_list([
                document.format(document=Markup("<cite>{}</cite>").format(title))
                for title in titles])
        else:
            pattern = self.loc.pgettext(*held)
        sentence = escape(pattern).format(**values)
        if self.loc.translation(meeting, "summary"):
            return sentence + Markup(" ") + self.loc.tr(meeting, "summary")
        summary = typographic(meeting.summary)
        if summary and self.loc.lang == DATA_LANGUAGE:
            sentence += Markup(" ") + escape(summary)
        elif summary:
            # In another language the English summary gets a line of its own, where it
            # reads left to right even on an Arabic page.
            sentence += Markup('<span class="summary" lang="{}" dir="ltr">{}</span>').format(
                DATA_LANGUAGE, summary)
        return sentence


# Dates: (message context, pattern). The context tells translators which case it is.


TITLE_PATTERNS = {
    # Translators: {title} is the meeting's own title as written in the inputs (in
    # English), which the sentence opens with. Name the kind of meeting in your language
    # before it, so that the verb of the sentence can agree: 'La réunion ministérielle
    # « {title} »'.
    "ministerial": NC_("meeting named by its title, ministerial meeting", "The {title}"),
    "senior-officials": NC_("meeting named by its title, senior officials’ meeting",
                            "The {title}"),
    "technical": NC_("meeting named by its title, technical meeting", "The {title}"),
    "thematic": NC_("meeting named by its title, thematic meeting", "The {title}"),
    "working-group": NC_("meeting named by its title, working group meeting", "The {title}"),
    "summit": NC_("meeting named by its title, summit", "The {title}"),
    "other": NC_("meeting named by its title, other meeting", "The {title}"),
}
# Translators: one document adopted by a meeting, {document} its title as written in the
# inputs; several are listed in your language's way ('A, B and C').
OUTCOME_DOCUMENT = NC_("outcome document", "the {document}")

# Per level: (took place, adopted an outcome document). The context names the kind of
# meeting so that translators can make the verb agree with the noun they chose for it.
SENTENCE_PATTERNS = {
    "ministerial": (
        # Translators: {meeting} is the meeting named by its title (see those messages),
        # {dates} a date in a sentence ('on 4 May 2025'), {place} 'in Colombo, Sri Lanka' or
        # 'online', {outcomes} the documents it adopted ('the Colombo Declaration').
        NC_("sentence, ministerial meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, ministerial meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "senior-officials": (
        NC_("sentence, senior officials’ meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, senior officials’ meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "technical": (
        NC_("sentence, technical meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, technical meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "thematic": (
        NC_("sentence, thematic meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, thematic meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "working-group": (
        NC_("sentence, working group meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, working group meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "summit": (
        NC_("sentence, summit", "{meeting} took place {dates} {place}."),
        NC_("sentence, summit",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
    "other": (
        NC_("sentence, other meeting", "{meeting} took place {dates} {place}."),
        NC_("sentence, other meeting",
            "{meeting}, held {dates} {place}, adopted {outcomes}.")),
}

# Per level: a meeting after the edition date, which has not taken place yet (its status
# is planned, shown as "Upcoming"); again the context names the kind of meeting.
UPCOMING_PATTERNS = {
    # Translators: a meeting that has not taken place yet (after the date of the edition):
    # {meeting}, {dates} and {place} as in "{meeting} took place {dates} {place}.". Say it
    # in the future ('se tiendra', 'состоится'), agreeing with the kind of meeting.
    "ministerial": NC_("sentence, upcoming ministerial meeting",
                       "{meeting} is scheduled to take place {dates} {place}."),
    "senior-officials": NC_("sentence, upcoming senior officials’ meeting",
                            "{meeting} is scheduled to take place {dates} {place}."),
    "technical": NC_("sentence, upcoming technical meeting",
                     "{meeting} is scheduled to take place {dates} {place}."),
    "thematic": NC_("sentence, upcoming thematic meeting",
                    "{meeting} is scheduled to take place {dates} {place}."),
    "working-group": NC_("sentence, upcoming working group meeting",
                         "{meeting} is scheduled to take place {dates} {place}."),
    "summit": NC_("sentence, upcoming summit",
                  "{meeting} is scheduled to take place {dates} {place}."),
    "other": NC_("sentence, upcoming other meeting",
                 "{meeting} is scheduled to take place {dates} {place}."),
}
