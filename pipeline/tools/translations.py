"""Developer tool: collect the messages into the catalogues and list what is left to
translate (`make translations`; the tests call the same checks).

Two domains (catalogues.py): ``messages``, the documents' strings (_(), N_()…,
in every language built), and ``report``, the messages about the inputs (R_(),
RN_() in the code and the report template, and the column helps of schema.py,
in the report languages).

An empty or fuzzy entry silently shows English, and a placeholder lost or
misspelt in a translation breaks or garbles a sentence, so both are checked.
`python -m pipeline.tools.translations` lists what is left to translate;
`… update` first extracts the messages and merges them into every .po.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale

from .. import languages
from ..config import LOCALE_DIR, PROJECT_DIR
from ..contract.schema import TABLES, TRANSLATOR_SHEET
from ..lang.catalogues import REPORT, catalogue_path, read_catalogue

POT = LOCALE_DIR / "messages.pot"
REPORT_POT = LOCALE_DIR / f"{REPORT}.pot"
KEYWORDS = ("N_", "NC_:1c,2", "_", "gettext", "ngettext:1,2", "pgettext:1c,2")
"""Functions whose string arguments are messages (babel.cfg says where to look)."""
REPORT_KEYWORDS = ("R_", "RN_:1,2")
"""The report's keywords (wording.py), extracted alone: Babel's default ones (_, N_…) are
the documents'."""
DOMAINS = languages.CATALOGUES
"""Each catalogue domain and the languages it is translated into (languages.py)."""

PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)(?::[^}]*)?\}")
"""'%(year)s' in templates (Jinja's newstyle gettext), '{year}' or '{n:f}' in Python code."""
COUNT_PLACEHOLDERS = frozenset({"n", "num"})
"""The number a plural message is about; a form used for one number only may leave it
out, as Arabic does (اجتماعان: 'two meetings'), but not Russian's 'one' (1, 21, 31…)."""


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def plural_categories(lang: str, count: int) -> list[str]:
    """The CLDR category each plural form of a catalogue stands for, in gettext order."""
    rule = Locale.parse(lang).plural_form
    order = [c for c in ("zero", "one", "two", "few", "many", "other")
             if c in rule.tags or c == "other"]
    return order[:count] if len(order) >= count else order + ["other"] * (count - len(order))


def is_single_number(lang: str, category: str) -> bool:
    """True when a plural category holds one number only (Arabic 'two': 2)."""
    rule = Locale.parse(lang).plural_form
    return sum(1 for k in range(1001) if rule(k) == category) == 1


def catalogue_problems(path: Path, lang: str) -> list[str]:
    """Every entry of a .po file that is untranslated, fuzzy or has wrong placeholders."""
    catalogue = read_catalogue(path, lang)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        first = message.id if isinstance(message.id, str) else message.id[0]
        where = f"{path.parent.parent.name}/{path.name}: {first!r}"
        if message.context:
            where += f" [{message.context}]"
        if message.fuzzy:
            problems.append(f"{where}: fuzzy (check the translation, then remove the flag)")
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(strings) != catalogue.num_plurals:
            problems.append(f"{where}: {len(strings)} plural forms, {lang} has "
                            f"{catalogue.num_plurals}")
        expected = set().union(*(placeholders(i) for i in ids))
        categories = plural_categories(lang, len(strings))
        for index, string in enumerate(strings):
            form = f" form {index}" if len(strings) > 1 else ""
            if not string:
                problems.append(f"{where}:{form} untranslated")
                continue
            found = placeholders(string)
            optional = COUNT_PLACEHOLDERS if is_single_number(lang, categories[index]) else ()
            if found - expected:
                problems.append(f"{where}:{form} unknown placeholder(s) "
                                f"{', '.join(sorted(found - expected))}")
            missing = expected - found - set(optional)
            if missing:
                problems.append(f"{where}:{form} missing placeholder(s) "
                                f"{', '.join(sorted(missing))}")
    return problems


def pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def column_helps() -> list[str]:
    """The help of every column a template shows (schema.py): the report quotes them in
    its hints, the input templates show them; they are report messages."""
    return list(dict.fromkeys(c.help for spec in (*TABLES, TRANSLATOR_SHEET)
                              for c in spec.template_columns if c.help))


def extract(domain: str, pot: Path) -> None:
    """Collect a domain's messages into its template (.pot)."""
    keywords = [arg for k in (KEYWORDS if domain != REPORT else REPORT_KEYWORDS)
                for arg in ("-k", k)]
    pybabel("extract", "-F", str(PROJECT_DIR / "babel.cfg"), "-o", str(pot), "--no-location",
            "--sort-output", "--omit-header", "--add-comments=Translators:", *keywords,
            *(["--no-default-keywords"] if domain == REPORT else []), str(PROJECT_DIR))
    if domain == REPORT:
        from babel.messages.pofile import read_po, write_po

        with pot.open("rb") as file:
            catalogue = read_po(file)
        for help_text in column_helps():
            if help_text not in catalogue:
                catalogue.add(help_text, auto_comments=["A column's help, from schema.py."])
        with pot.open("wb") as file:
            write_po(file, catalogue, omit_header=True, sort_output=True, no_location=True)


CREATION_DATE = re.compile(rb'"POT-Creation-Date: [^"]*"')


def same_but_the_date(before: bytes, after: bytes) -> bool:
    """Whether pybabel update only stamped a new creation date into a catalogue."""
    return CREATION_DATE.sub(b"", before) == CREATION_DATE.sub(b"", after)


def update_catalogues() -> None:
    """Extract each domain's messages into its .pot and merge it into each .po (pybabel).
    A catalogue whose messages did not change keeps its bytes (no new date to commit and
    merge)."""
    paths = [catalogue_path(lang, domain=domain) for domain, langs in DOMAINS.items()
             for lang in langs]
    before = {path: path.read_bytes() for path in paths if path.exists()}
    for domain, langs in DOMAINS.items():
        pot = POT if domain == "messages" else REPORT_POT
        extract(domain, pot)
        for lang in langs:
            if not catalogue_path(lang, domain=domain).exists():
                pybabel("init", "-i", str(pot), "-d", str(LOCALE_DIR), "-l", lang, "-D", domain,
                        "--no-wrap")
        pybabel("update", "-i", str(pot), "-d", str(LOCALE_DIR), "-D", domain,
                "--ignore-obsolete", "--previous", "--no-wrap")
    for path, old in before.items():
        if same_but_the_date(old, path.read_bytes()):
            path.write_bytes(old)


def extracted_messages(domain: str = "messages") -> set[tuple[str | None, str]]:
    """(context, msgid) of every message of a domain in the code and templates now."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (PROJECT_DIR / "babel.cfg").open() as file:
        method_map, options_map = parse_mapping_cfg(file)
    keywords = {}
    for spec in (KEYWORDS if domain != REPORT else REPORT_KEYWORDS):
        name, _, args = spec.partition(":")
        keywords[name] = tuple((int(a[:-1]), "c") if a.endswith("c") else int(a)
                               for a in args.split(",")) if args else None
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            PROJECT_DIR, method_map, options_map, keywords=keywords):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found | {(None, text) for text in column_helps()} if domain == REPORT else found


def main() -> int:
    """List what is left to translate in every catalogue; exit 1 if anything is."""
    updating = sys.argv[1:] == ["update"]
    if updating:
        update_catalogues()
    problems = [p for domain, langs in DOMAINS.items() for lang in langs
                for p in catalogue_problems(catalogue_path(lang, domain=domain), lang)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} catalogue entr{'y' if len(problems) == 1 else 'ies'} to translate "
          "or check." if problems else "Every catalogue is complete.", file=sys.stderr)
    return 1 if problems and not updating else 0


if __name__ == "__main__":
    sys.exit(main())

