"""docs/inputs.md, written from schema.py so that the editors' guide never drifts from the code.

`make docs` rewrites it; a test fails when it is out of date.
"""

from __future__ import annotations

from babel import Locale

from ..config import PROJECT_DIR, REPORT_LANGUAGES
from ..contract.gcm import objectives, targets
from ..contract.schema import SETTINGS as SETTINGS_TABLE
from ..contract.schema import TABLES, THEMES, TRANSLATION_LANGUAGES, TRANSLATOR_SHEET, UPDATES
from ..contract.themes import built_in
from ..contract.vocabularies import VOCABULARIES
from ..validate.publication import SETTINGS

DOC = PROJECT_DIR / "docs" / "inputs.md"

INTRO = """\
# Input spreadsheets: the contract

*Written from `pipeline/contract/schema.py` by `make docs`; edit that file, not this one.*

The bulletin is built from the spreadsheets in `inputs/`:
`mechanisms.xlsx` (sheets `mechanisms` and `participants`, and optionally
`themes`) and `meetings.xlsx` (sheet `meetings`), and, if it is there,
`publication.xlsx` (sheet `settings`: the edition date) and `updates.xlsx`
(sheet `updates`: the secretariats' yearly updates). `make templates`
writes blank ones, with dropdowns, to `inputs-template/`; `make dress-inputs`
adds the same instructions, help and dropdowns to the workbooks of `inputs/`,
changing no data. Other file names work too, as do `.xlsm`, `.ods` and `.csv`
files (UTF-8 with or without BOM, or Windows-1252; `,` or `;` separated; one
table per CSV file), and `participants` may be a file of its own: each table is
found by its sheet name (or a CSV file's name), in any of the forms listed
below, or else by its headers. Sheets named Instructions, Notes, Lists, Read
me, Help or Sources are never read as tables. Title rows above the headers are
skipped, and so is a row of group headers (`Dates` over `Début` and `Fin`).

Headers are matched without regard to case, accents, spaces, `_` or `-`, and
may be written in English, French or Spanish (the other accepted headers are
listed for each column); a note in brackets after a header, giving a date
format or saying that it is required (`Date de début (jj/mm/aaaa)`), is not
part of it. Columns that are not listed here are ignored, with a warning; but
a header that looks like a misspelling of one listed here (`year_establised`,
`Intitullé`) is an error, as that column would not be read. Lists are
separated by `;`; lists of values from a vocabulary (IOM's role), regions and
themes may also use `,` or ` / `, while lists of names (aliases, outcome
documents) keep their commas. Regions are written as the mechanisms write
them (`West Africa; Horn of Africa`, `Pacific`, `Afrique de l'Ouest`): any name
is kept, and the ISCM table groups the mechanisms by macro-region. Themes
(`thematic_focus`, `themes`) are written by key or by name, as offices write
them (`labour-migration`, `Labor migration`, `Migration de main-d'œuvre`,
`migración laboral`; see "Known themes" below); a theme the list does not know
is kept as written, with a warning, and the optional `themes` sheet declares
it. Dates may
be real dates, Excel serial numbers, `dd/mm/yyyy` (day first), ISO
`yyyy-mm-dd` or written out in English, French or Spanish
(`1er février 2024`, `3 de marzo de 2025`); a time part is ignored.

Free text (titles, summaries, outcome documents) is written in English; the
bulletin marks it as English in the other languages. Countries may be written
in English, French or Spanish, in their short or official long form; they are
shown in the reader's language. A mechanism may be referred to by its id, its
acronym, any of its names or any of its aliases.
"""


TRANSLATOR_NOTE = """\
`make translation-kit` writes these files (`strings-<year>-<lang>-<date>.xlsx`, and the
same as XLIFF 2 `.xlf`); translated, they go to `inputs/translations/`, under any name
that keeps the language as a word of it (`fr`, `es`, `ru` or `ar`), in subfolders too:
every file there is read, and none replaces another (see `docs/translators.md`). Every
sheet whose headers name these columns is read; their headers are matched as above. A
row without an `id` is placed by its `context` and `source`.
"""


def column_rows(spec) -> list[str]:
    rows = ["| Column | Required | What it holds | Also accepted as header |",
            "|---|---|---|---|"]
    for c in spec.template_columns:
        aliases = ", ".join(f"`{a}`" for a in c.aliases)
        rows.append(f"| `{c.name}` | {'yes' if c.required else ''} | {c.help} | {aliases} |")
    return rows


def vocabulary_rows() -> list[str]:
    rows = ["| List | Value | Also accepted |", "|---|---|---|"]
    for name, values in VOCABULARIES.items():
        for value, aliases in values.items():
            rows.append(f"| {name} | `{value}` | {', '.join(aliases)} |")
    return rows


def translation_note(spec) -> str:
    """The translation columns of a table, described once rather than listed."""
    translated = list(dict.fromkeys(c.translates for c in spec.columns if c.is_translation))
    if not translated:
        return ""
    names = ", ".join(f"`{name}`" for name in translated)
    langs = ", ".join(TRANSLATION_LANGUAGES)
    example = f"`{translated[0]}_{TRANSLATION_LANGUAGES[0]}`"
    return (f"Translations: {names} may each have a column per language ({langs}) named "
            f"`<column>_<language>`, e.g. {example} (any header of the column followed by the "
            "language reads the same: `Titre (fr)`, `Título ES`). Where a translation is "
            "given it is shown "
            "in that language's documents; elsewhere the English stands, marked as English. "
            "Translations may also come from a translator's file in `inputs/translations/` "
            "(see docs/translators.md, \"Translating the bulletin\").\n")


THEMES_NOTE = """\
Optional, in any input workbook: without it, the known themes below are used
as they are. One row per theme to add, or per known theme whose labels or
aliases to change. `theme` names it: a known theme by its key or any of its
names (its row changes the labels it gives, and adds the aliases it gives to
the known ones), else a new theme, whose key is `theme` written as a slug
(`Regional integration` -> `regional-integration`: the key
`summary-<year>.json` uses). Its labels are printed in the documents of each
language; where a new theme has none, its English is printed, marked as
English, and counted in the `untranslated` warning. A theme declared twice
(`duplicate-theme`), or a label or alias that is also a name of another theme
(`ambiguous-theme`), is an error.
"""


def theme_rows() -> list[str]:
    """The known themes (data/themes.csv): key, labels, other names accepted."""
    named = [Locale.parse("en").languages[lang] for lang in REPORT_LANGUAGES]
    rows = [f"| Key | {' | '.join(named)} | GCM objectives | SDG targets | Also accepted |",
            f"|---|{'---|' * len(named)}---|---|---|"]
    for theme in built_in().values():
        labels = " | ".join(theme.labels[lang] for lang in REPORT_LANGUAGES)
        crosswalk = " | ".join("; ".join(map(str, items)) if items else "none"
                               for items in (theme.gcm_objectives, theme.sdg_targets))
        rows.append(f"| `{theme.key}` | {labels} | {crosswalk} | {'; '.join(theme.aliases)} |")
    return rows


CROSSWALK = """\
**The crosswalk.** The columns GCM objectives and SDG targets say which objectives of
the Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195) and which SDG
targets on migration a meeting with the theme counts towards, in the bulletin's section
"ISCMs and the Global Compact", the summary (`gcm_objectives`, `sdg_targets`) and the
open data: an editorial reading of each objective's title and commitments, kept
conservative (a theme that spans several objectives without being one of them, such as
irregular or mixed migration, counts towards none). A meeting whose `gcm_objectives`
cell names objectives counts towards those instead. To change the crosswalk, give the
theme's row in a `themes` sheet its `gcm_objectives` (`9; 10`, or `none`) and
`sdg_targets` (`10.7; 8.8`, or `none`); a theme with no crosswalk is reported
(`no-crosswalk`). The objectives and targets:
"""


def objective_rows() -> list[str]:
    """The 23 objectives (data/gcm_objectives.csv) and the SDG targets on migration."""
    rows = ["| Objective | Short name | Title (A/RES/73/195) |", "|---|---|---|"]
    rows += [f"| {n} | {o.short['en']} | {o.title['en']} |" for n, o in objectives().items()]
    rows += ["", "| SDG target | Text (A/RES/71/313) |", "|---|---|"]
    rows += [f"| {code} | {t.title['en']} |" for code, t in targets().items()]
    return rows


KNOWN_THEMES = """\
From `pipeline/contract/data/themes.csv` (sources: `pipeline/contract/data/SOURCES.md`). A theme
is recognised by its key, its label in any of the five languages (the Russian
and Arabic ones too) or one of the other names listed, whatever the case,
accents, hyphens or spaces, with `&`, `and`, `et`, `y` or `e` alike, in
British or American spelling (`labour`, `labor`). The words must be in the
order written here: `Smuggling and trafficking` is listed, other orders are
not guessed. Anything else is a theme of its own (warning `unknown-theme`,
which suggests the nearest known theme).
"""


SETTINGS_INTRO = """\
Optional: without this sheet (or without a setting's row, or with its value
blank) each setting takes its default. One row per setting: its name in
`setting` (as listed below, or one of its other names), its value in `value`,
read as the setting says (a date is a real date, `dd/mm/yyyy` or
`yyyy-mm-dd`, as in the other sheets). A name that is not a setting is
reported with the nearest one, and its row is not read; a bad value is an
error, located by its row. A setting that belongs to one edition applies to
the latest edition of the inputs (the latest year with meetings), not to a
past edition built from them with `YEAR=`, which takes the default.
"""


def settings_rows() -> list[str]:
    rows = ["| Setting | What it holds | Default | Also accepted as name | Per language | "
            "Per edition |", "|---|---|---|---|---|---|"]
    for s in SETTINGS:
        aliases = ", ".join(f"`{a}`" for a in s.aliases)
        rows.append(f"| `{s.name}` | {s.help} | {s.default} | {aliases} | "
                    f"{'yes' if s.per_language else ''} | {'yes' if s.edition else ''} |")
    return rows


def settings_note() -> str:
    """The settings the table may give, from publication.SETTINGS."""
    langs = ", ".join(f"`value_{lang}`" for lang in TRANSLATION_LANGUAGES)
    return (SETTINGS_INTRO + "\n" + "\n".join(settings_rows()) + "\n\n"
            f"A setting marked per language may have a value for each language in {langs} "
            "(any header of `value` followed by the language: `Valeur (fr)`); blank, the "
            "`value` stands. For another setting these columns are not read, with a "
            "warning. The date printed on the documents and its default are explained in "
            "`docs/editors.md`, \"The edition date\".\n")


UPDATES_NOTE = """\
Optional: the yearly updates the mechanisms' secretariats send back, one row per
mechanism and year, which `make collect APPLY=1` writes (and creates the workbook
for) from the returned update workbooks; it may also be typed in. The compendium of
ISCM updates (`iscm-updates-<year>-<lang>`) prints the year's rows as written; a
mechanism without one is listed as not having replied. Two rows for one mechanism
and year are an error (`duplicate-update`). A narrative written in another language
than English (a workbook sent in Spanish) is in its translation column
(`achievements_es`), the English one blank: it is then printed in that language,
marked as such, in every language's compendium (warning `update-not-in-english`),
until its English is given, from which the translation kit asks the other languages.
See `docs/editors.md`, "Collecting the year's updates".
"""


def contract_markdown() -> str:
    parts = [INTRO]
    for spec in TABLES:
        optional = "" if spec.required else " (optional)"
        parts.append(f"## `{spec.workbook}` › sheet `{spec.name}`{optional}\n")
        sheet_names = ", ".join(f"`{a}`" for a in spec.sheet_aliases)
        parts.append(f"The sheet may also be named {sheet_names}.\n")
        if spec is THEMES:
            parts.append(THEMES_NOTE)
        if spec is UPDATES:
            parts.append(UPDATES_NOTE)
        parts.append("\n".join(column_rows(spec)) + "\n")
        if spec is SETTINGS_TABLE:
            parts.append(settings_note())
        elif note := translation_note(spec):
            parts.append(note)
    parts.append("## A translator's file in `inputs/translations/` › sheet `strings`\n")
    parts.append(TRANSLATOR_NOTE)
    parts.append("\n".join(column_rows(TRANSLATOR_SHEET)) + "\n")
    parts.append("## Values of the enumerated columns\n")
    parts.append("Written in any case, with or without accents.\n")
    parts.append("\n".join(vocabulary_rows()) + "\n")
    parts.append("## Known themes\n")
    parts.append(KNOWN_THEMES)
    parts.append("\n".join(theme_rows()) + "\n")
    parts.append(CROSSWALK)
    parts.append("\n".join(objective_rows()) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(contract_markdown(), encoding="utf-8")
