import io
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, RGBColor

from briefing import docx_styles as S
from briefing.model import Briefing
from briefing.render_docx import build_document, render_docx, short_title
from briefing.word_template import TemplateError, builtin_templates, missing_styles, open_template

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "render" / "briefing.json"
KIND = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER, "table": WD_STYLE_TYPE.TABLE}


@pytest.fixture
def briefing() -> Briefing:
    return Briefing.from_json(FIXTURE.read_text(encoding="utf-8"))


def reopen(path: Path):
    return Document(str(path))


def body_paragraphs(doc):
    return [p for p in doc.paragraphs]


def heading_texts(doc, level: int) -> list[str]:
    name = f"Heading {level}"
    return [p.text for p in doc.paragraphs if p.style.name == name]


def anchors(doc) -> list[str]:
    return [h.get(qn("w:anchor")) for h in doc.element.body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]


def bookmarks(doc) -> dict[str, str]:
    """Bookmark name -> text of the paragraph holding it."""
    out = {}
    for p in doc.paragraphs:
        for b in p._p.iter(qn("w:bookmarkStart")):
            out[b.get(qn("w:name"))] = p.text
    return out


def instructions(part_element) -> list[str]:
    return [(i.text or "").strip() for i in part_element.iter(qn("w:instrText"))]


# ---------------------------------------------------------------------------- templates

def test_there_are_at_least_two_builtin_templates_with_descriptions():
    names = builtin_templates()
    assert {"standard", "compact"} <= set(names)
    assert all(len(d) > 20 for d in names.values())
    assert list(names)[0] == "standard"


@pytest.mark.parametrize("name", sorted(builtin_templates()))
def test_every_style_the_renderer_uses_exists_in_each_builtin_template(name):
    doc = Document(io.BytesIO((REPO / "templates" / f"{name}.docx").read_bytes()))
    for ref in S.REQUIRED_STYLES:
        style = doc.styles[ref.name]  # KeyError if missing
        assert style.type == KIND[ref.kind], ref
    assert missing_styles(doc) == []


@pytest.mark.parametrize("name", sorted(builtin_templates()))
def test_builtin_templates_keep_headings_with_next_and_use_a4(name):
    doc = open_template(name)
    for ref in (S.TITLE, S.HEADING_1, S.HEADING_2, S.TABLE_HEADING):
        assert doc.styles[ref.name].paragraph_format.keep_with_next, ref
    section = doc.sections[0]
    assert abs(section.page_width.cm - 21.0) < 0.05 and abs(section.page_height.cm - 29.7) < 0.05
    assert 1.5 <= section.left_margin.cm <= 3.0
    assert len(doc.element.body) == 1  # only the section properties: no stray paragraphs


def test_templates_are_reproducible_from_the_builder(tmp_path):
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import make_templates
    finally:
        sys.path.remove(str(REPO / "tools"))
    built = make_templates.write_templates(tmp_path)
    assert sorted(p.name for p in built) == sorted(p.name for p in (REPO / "templates").glob("*.docx"))
    for path in built:
        again = make_templates.deterministic_bytes(make_templates.build_template(
            next(h for h in make_templates.HOUSES if h.name == path.stem)))
        assert again == path.read_bytes()  # the same script gives the same bytes
        # the committed file has the same styles and page setup (compared as XML, so that a
        # python-docx release that serialises differently does not matter)
        fresh, committed = Document(str(path)), Document(str(REPO / "templates" / path.name))
        for ref in S.REQUIRED_STYLES:
            assert canonical(fresh.styles[ref.name].element) == canonical(committed.styles[ref.name].element), \
                f"{path.name}: style {ref.name} differs; run tools/make_templates.py"
        assert canonical(fresh.sections[0]._sectPr) == canonical(committed.sections[0]._sectPr)


def canonical(element) -> bytes:
    from lxml import etree

    return etree.tostring(element, method="c14n")


# ---------------------------------------------------------------------------- structure

def test_title_block_and_heading_structure(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    paras = body_paragraphs(doc)
    assert [p.style.name for p in paras[:3]] == ["Title", "Subtitle", "Briefing Meta"]
    assert paras[0].text == briefing.title
    assert paras[1].text == briefing.event
    meta = paras[2].text
    assert "Prepared 10 June 2031" in meta
    assert "Based on 3 articles" in meta and "outlet" not in meta  # one source names no outlet
    assert heading_texts(doc, 1) == ["Key takeaways", "Objectives", "Concessions", "Risks", "Key figures",
                                     "Notable quotes", "Sources"]
    # parties as Heading 2 in the sections about wanting and offering, in the briefing's party order
    assert heading_texts(doc, 2) == ["Shared or unattributed", "Norway", "Chile", "Norway", "Chile"]


def test_outlets_counted_when_every_source_names_one(briefing, tmp_path):
    briefing.sources[2].outlet = "Fjord Post"
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    assert "Based on 3 articles from 3 outlets" in doc.paragraphs[2].text


def test_a_sources_entry_sets_title_outlet_and_file_apart(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    entries = [p.text for p in doc.paragraphs if p.style.name == "Source Entry"]
    assert entries[0] == ("[1]\tNorway and Chile Open Talks on Salmon, Lithium and Ocean Rules"
                          " \u2014 Coast Courier, 9 June 2031 \u00b7 01_coast_courier.txt")
    assert entries[2] == "[3]\tHalvorsen and Rivas Meet as Fish Dispute Simmers \u00b7 03_fjord_post.txt"


def test_ungrouped_points_come_before_party_groups_under_their_own_heading(briefing, tmp_path):
    """Without a heading, "Both governments ..." would read as part of the section's
    lead-in, and a party heading after it as a sub-part of it."""
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    names = [(p.style.name, p.text) for p in doc.paragraphs]
    start = names.index(("Heading 1", "Objectives"))
    assert names[start + 1] == ("Heading 2", "Shared or unattributed")
    assert names[start + 2][0] == "List Bullet" and names[start + 2][1].startswith("Both governments")
    assert names[start + 3] == ("Heading 2", "Norway")
    for point in briefing.section("objectives").points:
        point.party = None  # no party heading follows: none for these either
    names = [p.text for p in reopen(render_docx(briefing, tmp_path / "c.docx")).paragraphs]
    assert "Shared or unattributed" not in names


def test_points_are_verbatim_bullets_with_citations_and_support(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    texts = [p.text for p in bullets]
    for section in briefing.sections:
        for point in section.points:
            cites = "".join(f"[{s}]" for s in point.sources)
            matching = [t for t in texts if t.startswith(point.text + " " + cites)]
            assert len(matching) == 1, point.text
    supported = next(t for t in texts if t.startswith("Chile is seeking"))
    assert supported.endswith("(3 sources; also reported by [3])")  # [3] says it in other words
    both_cited = next(t for t in texts if t.startswith("Halvorsen wants"))
    assert both_cited.endswith("[1][3] (2 sources)")
    single = next(t for t in texts if t.startswith("Rivas hopes"))
    assert "sources)" not in single
    citation_runs = [r for p in bullets for r in p.iter_inner_content() if hasattr(r, "runs")]
    assert citation_runs and all(r.runs[0].style.name == "Citation" for r in citation_runs)


def test_every_citation_resolves_to_a_source(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    targets = bookmarks(doc)
    links = anchors(doc)
    assert len(links) >= sum(len(p.sources) for s in briefing.sections for p in s.points)
    for anchor in links:
        assert anchor in targets, anchor
    for src in briefing.sources:
        entry = next(text for name, text in targets.items() if text.startswith(f"[{src.id}]"))
        assert src.title in entry
    source_paras = [p for p in doc.paragraphs if p.style.name == "Source Entry"]
    assert [p.text.split("\t")[0] for p in source_paras] == ["[1]", "[2]", "[3]"]
    assert "Coast Courier, 9 June 2031" in source_paras[0].text and "01_coast_courier.txt" in source_paras[0].text
    assert "/data/" not in source_paras[0].text  # the file name, not the analyst's folders


def test_url_sources_are_external_hyperlinks(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    entry = next(p for p in doc.paragraphs if p.text.startswith("[2]"))
    links = list(entry.hyperlinks)
    assert [h.url for h in links] == ["https://ledger.example.org/chile-oslo"]
    assert links[0].runs[0].style.name == "Hyperlink"


def test_takeaways_are_three_to_five_labelled_points(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    takeaways = [p for p in doc.paragraphs if p.style.name == "Takeaway"]
    assert 3 <= len(takeaways) <= 5
    labels = {p.runs[0].text.strip() for p in takeaways}
    assert all(p.runs[0].style.name == "Takeaway Label" for p in takeaways)
    assert {lab.split(" ·")[0] for lab in labels} == {"Objectives", "Concessions", "Risks"}
    all_points = {pt.text for s in briefing.sections for pt in s.points}
    for p in takeaways:
        assert p.runs[1].text in all_points


def test_figures_table_and_quotes(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.style.name == "Briefing Table"
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Figure", "What it refers to", "Source"]
    assert rows[1] == ["$250 million", briefing.figures[0].context, "[1]"]
    assert len(rows) == 1 + len(briefing.figures)
    for row in table.rows:
        assert {p.style.name for c in row.cells for p in c.paragraphs} <= {"Table Heading", "Table Text"}
    quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 2
    assert quotes[1].text == "\u201cChile will not accept rules written in Oslo for farms in Patagonia\u201d " \
                             "\u2014 Mateo Rivas [2]"
    assert quotes[1].runs[1].style.name == "Quote Speaker"


def test_no_empty_paragraphs_and_only_template_styles(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    allowed = {r.name for r in S.REQUIRED_STYLES}
    for p in doc.paragraphs:
        assert p.text.strip(), "empty paragraph used as spacing"
        assert p.style.name in allowed, p.style.name
        assert p.paragraph_format.space_before is None and p.paragraph_format.space_after is None
        for run in p.runs:
            assert run.font.bold is None and run.font.size is None and run.font.color.rgb is None


def test_footer_fields_header_and_marking(briefing, tmp_path):
    briefing.marking = "OFFICIAL - SENSITIVE"
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    section = doc.sections[0]
    for footer in (section.footer, section.first_page_footer):
        assert instructions(footer._element) == ["PAGE", "NUMPAGES"]
        texts = [p.text for p in footer.paragraphs]
        assert texts[0].startswith("Page 1 of 1")
        assert "OFFICIAL - SENSITIVE" in texts
    header = [p for p in section.header.paragraphs]
    assert [p.style.name for p in header] == ["Marking", "Header"]
    assert header[0].text == "OFFICIAL - SENSITIVE"
    assert header[1].text.startswith(short_title(briefing.title))
    assert [p.text for p in section.first_page_header.paragraphs] == ["OFFICIAL - SENSITIVE"]


def test_without_marking_there_is_no_marking_anywhere(briefing, tmp_path):
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    section = doc.sections[0]
    for part in (section.header, section.footer):
        assert all(p.style.name != "Marking" for p in part.paragraphs)


def test_document_properties(briefing, tmp_path):
    briefing.marking = "RESTRICTED"
    doc = reopen(render_docx(briefing, tmp_path / "b.docx", author="Desk Officer"))
    props = doc.core_properties
    assert props.title == briefing.title
    assert props.subject == briefing.event
    assert props.author == "Desk Officer" and props.last_modified_by == "Desk Officer"
    assert props.keywords == "briefing, Norway, Chile"
    assert props.content_status == "RESTRICTED"
    assert props.created.isoformat().startswith("2031-06-10T07:30")  # stored in UTC


def test_a_title_or_marking_longer_than_a_property_holds_is_shortened_there_only(briefing, tmp_path):
    """Word properties hold 255 characters; python-docx raised ValueError on more."""
    briefing.title = "Talks on the northern grain corridor " * 10
    briefing.marking = "M" * 300
    doc = reopen(render_docx(briefing, tmp_path / "b.docx", author="A" * 400))
    props = doc.core_properties
    assert props.title.endswith(" grain…") and len(props.title) <= 255
    assert len(props.content_status) <= 255 and len(props.author) <= 255
    assert any(p.text == briefing.title.strip() or p.text == briefing.title for p in doc.paragraphs)


def test_short_title_cuts_at_a_word():
    assert short_title("Short") == "Short"
    cut = short_title("word " * 30, limit=22)
    assert cut.endswith("…") and len(cut) <= 23 and "wor…" not in cut


def test_seed_briefing_citations_resolve(seeds_dir, tmp_path):
    from briefing.load import load_inputs
    from briefing.pipeline import build_briefing

    b = build_briefing(load_inputs([seeds_dir]).articles).briefing
    doc = reopen(render_docx(b, tmp_path / "seeds.docx"))
    targets = bookmarks(doc)
    assert anchors(doc) and all(a in targets for a in anchors(doc))
    assert heading_texts(doc, 1)[:4] == ["Key takeaways", "Objectives", "Concessions", "Risks"]


# ---------------------------------------------------------------------------- each template, user templates

@pytest.mark.parametrize("name", sorted(builtin_templates()))
def test_each_builtin_template_produces_a_valid_file(briefing, tmp_path, name):
    out = render_docx(briefing, tmp_path / f"{name}.docx", name)
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
    doc = reopen(out)
    assert doc.paragraphs[0].style.name == "Title"
    assert missing_styles(doc) == []


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x1f\x38\x64" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_user_template(folder: Path) -> Path:
    """A house template as an analyst's office would have it: Letter paper, a logo in the header,
    their own Heading 1 colour, sample body text, none of our custom styles."""
    logo = folder / "logo.png"
    logo.write_bytes(tiny_png())
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Cm(3.1)
    section.header.paragraphs[0].add_run().add_picture(str(logo), width=Cm(2))
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    doc.add_paragraph("Placeholder body text that the briefing replaces.")
    path = folder / "house.docx"
    doc.save(str(path))
    return path


def as_dotx(docx: Path) -> Path:
    out = docx.with_suffix(".dotx")
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            zout.writestr(info, data)
    return out


def check_user_template_kept(out: Path, briefing: Briefing) -> None:
    doc = reopen(out)
    section = doc.sections[0]
    assert abs(section.page_width.inches - 8.5) < 0.01 and abs(section.left_margin.cm - 3.1) < 0.01
    assert list(section.header._element.iter(qn("w:drawing"))), "the header artwork is gone"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    assert "Placeholder" not in "\n".join(p.text for p in doc.paragraphs)
    assert missing_styles(doc) == []
    assert doc.paragraphs[2].style.name == "Briefing Meta"
    assert [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    numbered = doc.styles["List Bullet"].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    assert numbered is not None  # bullets keep their bullet


def test_user_docx_template_keeps_styles_page_setup_and_header_artwork(briefing, tmp_path):
    template = make_user_template(tmp_path)
    out = render_docx(briefing, tmp_path / "out.docx", template)
    check_user_template_kept(out, briefing)


def test_user_dotx_template_is_accepted(briefing, tmp_path):
    dotx = as_dotx(make_user_template(tmp_path))
    with pytest.raises(ValueError):
        Document(str(dotx))  # python-docx alone refuses a template
    out = render_docx(briefing, tmp_path / "out.docx", dotx)
    check_user_template_kept(out, briefing)


def test_a_template_saved_by_libreoffice_gives_one_set_of_properties(briefing, tmp_path):
    """LibreOffice relates docProps/core.xml by a type python-docx does not know; python-docx
    then wrote a second docProps/core.xml, which Word reports as unreadable content."""
    made = make_user_template(tmp_path)
    template = tmp_path / "libreoffice.docx"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(template, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "_rels/.rels":
                data = data.replace(b"/package/2006/relationships/metadata/core-properties",
                                    b"/officedocument/2006/relationships/metadata/core-properties")
                assert b"officedocument/2006/relationships/metadata/core-properties" in data
            zout.writestr(info, data)
    out = render_docx(briefing, tmp_path / "out.docx", template)
    names = zipfile.ZipFile(out).namelist()
    assert names.count("docProps/core.xml") == 1
    assert reopen(out).core_properties.title == briefing.title
    check_user_template_kept(out, briefing)


def test_macro_enabled_and_broken_templates_are_refused(briefing, tmp_path):
    docm = tmp_path / "house.docm"
    docm.write_bytes(make_user_template(tmp_path).read_bytes())
    with pytest.raises(TemplateError, match="macro"):
        build_document(briefing, docm)
    disguised = tmp_path / "disguised.docx"
    with zipfile.ZipFile(make_user_template(tmp_path)) as zin, zipfile.ZipFile(disguised, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            zout.writestr(info, data)
    with pytest.raises(TemplateError, match="macro"):
        build_document(briefing, disguised)
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a valid Word file"):
        build_document(briefing, broken)
    with pytest.raises(TemplateError, match="not found"):
        build_document(briefing, tmp_path / "missing.docx")
    with pytest.raises(TemplateError, match="no built-in template"):
        build_document(briefing, "fancy")


# ---------------------------------------------------------------------------- command line

def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=120)


def test_cli_lists_templates():
    proc = run("templates")
    assert proc.returncode == 0
    names = [line.split("\t")[0] for line in proc.stdout.splitlines()]
    assert names[0] == "standard (default)" and "compact" in names


@pytest.mark.parametrize("template, message", [("missing.docx", "not found"), ("house.docm", "macro"),
                                               ("nonesuch", "no built-in template")])
def test_cli_bad_template_is_a_usage_error_before_any_work(tmp_path, seeds_dir, template, message):
    if template.endswith(".docm"):
        (tmp_path / template).write_bytes(b"PK")
    proc = run("build", str(seeds_dir), "-o", str(tmp_path / "x.docx"), "--template", str(tmp_path / template)
               if "." in template else template)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()


def test_cli_template_marking_author_and_markdown(tmp_path, seeds_dir):
    template = make_user_template(tmp_path)
    out, md = tmp_path / "b.docx", tmp_path / "b.md"
    proc = run("build", str(seeds_dir), "-o", str(out), "--template", str(template), "--marking", "RESTRICTED",
               "--author", "A. Analyst", "--md", str(md))
    assert proc.returncode == 0, proc.stderr
    doc = reopen(out)
    assert doc.core_properties.author == "A. Analyst"
    assert any(p.text == "RESTRICTED" for p in doc.sections[0].header.paragraphs)
    assert md.read_text(encoding="utf-8").startswith("**RESTRICTED**")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=80))
def test_any_text_an_editor_may_leave_renders(briefing, tmp_path, text):
    briefing.sections[0].points[0].text = text
    briefing.quotes[0].speaker = text
    briefing.sources[0].title = text
    briefing.marking = text
    doc = reopen(render_docx(briefing, tmp_path / "any.docx"))
    kept = "".join(c for c in text if not ("\x00" <= c <= "\x1f" and c not in "\t\n\r") and not "\x7f" <= c <= "\x9f"
                   and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff")
    shown = " ".join(kept.split())
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith(shown) for b in bullets)


def test_an_empty_briefing_still_renders(tmp_path):
    b = Briefing(title="", event="", created="not a date")
    doc = reopen(render_docx(b, tmp_path / "empty.docx"))
    assert doc.paragraphs[0].text == "Briefing"
    assert all(p.text.strip() for p in doc.paragraphs)


def test_a_point_that_leans_on_the_sentence_before_shows_it_muted_first(briefing, tmp_path):
    point = briefing.sections[1].points[0]
    point.context = "Ardenia is expected to offer several concessions."
    doc = reopen(render_docx(briefing, tmp_path / "b.docx"))
    para = next(p for p in doc.paragraphs if p.style.name == "List Bullet" and point.text in p.text)
    assert para.text.startswith(point.context + " " + point.text)
    assert para.runs[0].text == point.context + " " and para.runs[0].style.name == "Point Context"
    assert para.runs[1].text == point.text and para.runs[1].style.name != "Point Context"
