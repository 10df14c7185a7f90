"""The output formats and the documents, each declared once: tests generated from the
declarations, so that a format or a document added there is checked without a line here."""

from types import SimpleNamespace

import pytest

from pipeline.config import LANGUAGES
from pipeline.lang.localiser import Localiser
from pipeline.publish import editions, plan
from pipeline.publish.outputs import CHOSEN, DATA_FILES, DOCUMENTS, FORMATS, declared
from tests.conftest import golden_plan

EVERY_DOCUMENT = (*DOCUMENTS, *DATA_FILES)
DECLARED = [pytest.param(document, output, id=f"{document.kind}-{output.format.name}")
            for document in EVERY_DOCUMENT for output in document.outputs]
BY_DEFAULT = [pytest.param(document, output, id=f"{document.kind}-{output.format.name}")
              for document in EVERY_DOCUMENT for output in document.outputs
              if output.format.by_default]
"""The outputs a build naming no format makes (not the print-ready PDFs: FORMATS=print)."""


@pytest.mark.parametrize("form", FORMATS, ids=lambda f: f.name)
def test_every_format_has_a_writer_or_renders_in_the_pool(form):
    assert (form.write is None) == form.pooled
    assert form.write is None or callable(form.write)


@pytest.mark.parametrize("document, output", DECLARED)
def test_every_format_a_document_declares_has_a_label_for_readers(document, output):
    label = output.format.label
    assert label and Localiser("fr").gettext(label)
    assert editions.format_name(editions.EditionFile(2025, document.kind, "fr",
                                                     output.format.name, "", 0),
                                Localiser("fr")) == Localiser("fr").gettext(label)


def test_formats_may_choose_only_formats_a_document_declares():
    declared_formats = {o.format.name for d in DOCUMENTS for o in d.outputs}
    assert CHOSEN and set(CHOSEN) <= declared_formats


def test_every_document_has_its_own_kind_stem_and_title():
    assert len({d.kind for d in EVERY_DOCUMENT}) == len({d.stem for d in EVERY_DOCUMENT}) \
        == len(EVERY_DOCUMENT)
    for document in EVERY_DOCUMENT:
        assert "%(year)s" in document.title
        assert declared(document.kind) is document


def its_files(files, document, output):
    """The files (of the golden plan, of a year's folder) of one declared output: the one
    of its name, for an output named apart (data/meetings.csv); else those of its document
    and format that no output names apart."""
    named = {o.name for o in document.outputs if o.name}
    if output.name:
        return [f for f in files if f.name == output.name]
    return [f for f in files if f.document_kind == document.kind
            and f.format == output.format.name and f.name not in named]


@pytest.mark.parametrize("document, output", DECLARED)
def test_every_declared_output_is_planned_and_named(document, output):
    """In the golden plan of a full build (for a format not made by default, the plan of a
    build of every format FORMATS= may name): one file per language, or one in none, each
    named after its document and the year, or by the name it declares."""
    if output.format.by_default:
        rows = [SimpleNamespace(**r._asdict(), document_kind=r.document)
                for r in golden_plan()]
        files = [(r.name, r.format) for r in its_files(rows, document, output)]
    else:
        assert output.format.name not in {r.format for r in golden_plan()}
        files = [(name, f.format.name) for name, f in plan.file_names(2025, formats=CHOSEN)
                 .items() if f.kind == document.kind and f.format is output.format]
    assert len(files) == (len(LANGUAGES) if output.each_language else 1)
    assert all(form == output.format.name for _, form in files)
    assert all(name == output.name if output.name else
               name.startswith(f"{document.stem}-2025") and
               name.endswith(f".{output.format.file_suffix}") for name, _ in files)


@pytest.mark.parametrize("document, output", BY_DEFAULT)
def test_every_declared_output_is_listed_by_the_archive_with_its_title(small_build, document,
                                                                       output):
    """The small build (English, every format) lists each file on the archive page, under
    its document's title and format."""
    config, result = small_build
    files = [SimpleNamespace(**vars(f), document_kind=f.kind, name=f.name, file=f)
             for f in editions.year_files(result.folder)]
    files = [f.file for f in its_files(files, document, output)]
    assert len(files) == 1
    assert files[0].title == document.titled(Localiser(files[0].lang or "en").gettext, 2025)
    page = (config.outputs_dir / plan.archive_name("fr")).read_text(encoding="utf-8")
    assert f'href="{files[0].href}"' in page
    assert editions.title(files, Localiser("fr")) in page


def test_a_print_build_writes_the_posters_print_ready_pdf_and_the_archive_lists_it(
        small_inputs, tmp_path):
    """FORMATS=print DOCS=map: the poster's PDF/X file (beside its page, always made),
    described in the manifest, listed on the archive page under the poster with its label;
    no other PDF is made. The file opens and declares its variant: PDF/X-4 in its XMP, an
    sRGB output intent, the A3 trim box inside a 3 mm bleed; it is not tagged PDF/UA."""
    from pipeline import build
    from pipeline.config import load_config
    from pipeline.publish.outputs import PRINT, kinds

    config = load_config(small_inputs, tmp_path / "out", langs="en", formats="print",
                         docs="map", kinds=kinds(), format_choices=CHOSEN)
    result = build.build(config, jobs=1)
    year = result.folder.name
    assert [n for n in result.made if n.startswith("iscm-")] == [
        f"iscm-map-{year}-en.html", f"iscm-map-{year}-en.print.pdf"]
    (listed,) = [f for f in editions.year_files(result.folder) if f.format == PRINT.name]
    assert (listed.kind, listed.lang, listed.name) == ("map", "en", f"iscm-map-{year}-en.print.pdf")
    page = (config.outputs_dir / plan.archive_name("fr")).read_text(encoding="utf-8")
    assert f'href="{listed.href}"' in page and Localiser("fr").gettext(PRINT.label) in page
    import pikepdf

    with pikepdf.open(result.folder / listed.name) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp["pdfxid:GTS_PDFXVersion"] == "PDF/X-4" and "pdfuaid:part" not in xmp
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX" and "sRGB" in str(intent.OutputConditionIdentifier)
        (poster,) = pdf.pages
        bleed = 3 / 25.4 * 72
        assert [round(float(v), 1) for v in poster.TrimBox] == [0, 0, 1190.6, 841.9]
        assert [round(float(v), 1) for v in poster.BleedBox] == [
            round(-bleed, 1), round(-bleed, 1), round(1190.55 + bleed, 1), round(841.89 + bleed, 1)]
