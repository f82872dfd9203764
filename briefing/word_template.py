"""Word style templates: the built-in house styles and the user's own .docx/.dotx.

A template gives the briefing its styles, page setup and header artwork; its body is
replaced. Built-in templates live in ``templates/`` (package ``briefing.templates``) and
are chosen by name; anything else is a path. Macro-enabled files are refused. Styles the
renderer needs but a user template lacks are copied from the standard template, so that
nothing silently falls back to "Normal".
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from copy import deepcopy
from importlib import resources
from pathlib import Path

from . import docx_styles
from .formats.docx import adopt_core_properties

DEFAULT_TEMPLATE = "standard"
_MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("application/vnd.ms-word.document.macroEnabled.main+xml",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_MACRO_SUFFIXES = (".docm", ".dotm")
_TEMPLATE_SUFFIXES = (".docx", ".dotx")
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


class TemplateError(ValueError):
    """A template that cannot be used; the message is one line for the user."""


def builtin_templates() -> dict[str, str]:
    """Name -> one-line description of every built-in template (from the file's comments)."""
    out: dict[str, str] = {}
    folder = resources.files("briefing.templates")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".docx"):
            continue
        name = entry.name[:-len(".docx")]
        try:
            with zipfile.ZipFile(io.BytesIO(entry.read_bytes())) as z:
                core = z.read("docProps/core.xml").decode("utf-8")
            m = re.search(r"<dc:description>(.*?)</dc:description>", core, re.S)
            out[name] = _unescape_xml(m.group(1)) if m else ""
        except (KeyError, zipfile.BadZipFile):
            out[name] = ""
    return dict(sorted(out.items(), key=lambda kv: (kv[0] != DEFAULT_TEMPLATE, kv[0])))


def _unescape_xml(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


def template_names() -> list[str]:
    """Names of the built-in templates, the default first."""
    return list(builtin_templates())


def template_path(name: str = DEFAULT_TEMPLATE) -> Path:
    """The file of a built-in template (for showing or copying it; rendering takes the name)."""
    if name not in builtin_templates():
        raise TemplateError(f"no built-in template named {name!r} (built in: {', '.join(builtin_templates())})")
    with resources.as_file(resources.files("briefing.templates").joinpath(f"{name}.docx")) as p:
        return Path(p)


def _builtin_bytes(name: str) -> bytes:
    return resources.files("briefing.templates").joinpath(f"{name}.docx").read_bytes()


def resolve_template(spec: str | os.PathLike[str] | None) -> tuple[str, bytes, bool]:
    """``(label, bytes, is_builtin)`` of the template named or pointed to by ``spec`` (None: the default).

    A bare name (no folder, no suffix) is a built-in template; anything else is a file.
    Raises :class:`TemplateError` for an unknown name, a missing, macro-enabled or
    unreadable file.
    """
    if spec is None or str(spec).strip() == "":
        spec = DEFAULT_TEMPLATE
    text = str(spec)
    names = builtin_templates()
    if text.lower() in names:
        return text.lower(), _builtin_bytes(text.lower()), True
    path = Path(text).expanduser()
    suffix = path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise TemplateError(f"template {path.name} is macro-enabled ({suffix}); macros are refused: "
                            f"save it as .docx or .dotx")
    if not path.exists():
        if suffix or os.sep in text or "/" in text:
            raise TemplateError(f"template {text} not found")
        raise TemplateError(f"no built-in template named {text!r} (built in: {', '.join(names)})")
    if not path.is_file():
        raise TemplateError(f"template {text} is not a file")
    if suffix not in _TEMPLATE_SUFFIXES:
        raise TemplateError(f"template {path.name} is not a Word .docx or .dotx file")
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"template {path.name} is too large (over {MAX_TEMPLATE_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"template {text} cannot be read: {exc.strerror or exc}") from exc
    return str(path), data, False


def _as_document_package(label: str, data: bytes) -> bytes:
    """The package with a .dotx main part relabelled as a document; refuses macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml").decode("utf-8")
            if any(t in types for t in _MACRO_TYPES) or "vbaProject" in " ".join(z.namelist()):
                raise TemplateError(f"template {Path(label).name} contains macros; macros are refused: "
                                    f"save it as .docx or .dotx")
            if _MAIN_TEMPLATE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    body = z.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = types.replace(_MAIN_TEMPLATE, _MAIN_DOCUMENT).encode("utf-8")
                    w.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise TemplateError(f"template {Path(label).name} is not a valid Word file") from exc


def open_template(spec: str | os.PathLike[str] | None = None):
    """A python-docx ``Document`` on the template, with every style the briefing needs."""
    from docx import Document

    label, data, builtin = resolve_template(spec)
    data = _as_document_package(label, data)
    try:
        doc = Document(io.BytesIO(data))
        adopt_core_properties(doc)
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise TemplateError(f"template {Path(label).name} is not a valid Word file "
                            f"({exc.__class__.__name__})") from exc
    if not builtin:
        ensure_styles(doc)
    else:
        missing = missing_styles(doc)
        if missing:  # a broken build of our own templates: say so rather than fall back
            raise TemplateError(f"built-in template {label} lacks styles: {', '.join(missing)}")
    return doc


def check_template(spec: str | os.PathLike[str] | None) -> str:
    """Open the template once to prove it usable; returns its label. Raises TemplateError."""
    open_template(spec)
    return resolve_template(spec)[0]


# ---------------------------------------------------------------------------- styles

_KIND = {"paragraph": 1, "character": 2, "table": 3}


def _find_style(doc, ref: docx_styles.StyleRef):
    try:
        style = doc.styles[ref.name]
    except KeyError:
        return None
    return style


def missing_styles(doc) -> list[str]:
    """Names of required styles the document lacks or has as the wrong kind."""
    out = []
    for ref in docx_styles.REQUIRED_STYLES:
        style = _find_style(doc, ref)
        if style is None or int(style.type) != _KIND[ref.kind]:
            out.append(ref.name)
    return out


def ensure_styles(doc) -> list[str]:
    """Copy the required styles the document lacks from the standard template; returns their names."""
    from docx import Document
    from docx.oxml.ns import qn

    wanted = []
    for ref in docx_styles.REQUIRED_STYLES:
        style = _find_style(doc, ref)
        if style is None:
            wanted.append(ref)
        elif int(style.type) != _KIND[ref.kind]:
            raise TemplateError(f"the template's style {ref.name!r} is a {style.type.name.lower()} style; "
                                f"the briefing needs a {ref.kind} style of that name")
    if not wanted:
        return []
    standard = Document(io.BytesIO(_builtin_bytes(DEFAULT_TEMPLATE)))
    copied = []
    for ref in wanted:
        _copy_style(standard, doc, standard.styles[ref.name].element, qn)
        copied.append(ref.name)
    return copied


def _copy_style(src_doc, dst_doc, element, qn) -> str:
    """Copy one style element (and the styles it is based on) into ``dst_doc``; returns its id there."""
    dst_styles = dst_doc.styles.element
    name = element.find(qn("w:name")).get(qn("w:val"))
    existing = _style_by_name(dst_doc, name)
    if existing is not None:
        return existing
    new = deepcopy(element)
    for tag in ("w:link", "w:rsid"):
        for el in new.findall(qn(tag)):
            new.remove(el)
    # the user's fonts win: our styles' explicit fonts are dropped in their document
    for rfonts in new.iter(qn("w:rFonts")):
        rfonts.getparent().remove(rfonts)
    for tag in ("w:basedOn", "w:next"):
        el = new.find(qn(tag))
        if el is None:
            continue
        base = src_doc.styles.element.get_by_id(el.get(qn("w:val")))
        if base is None:
            new.remove(el)
            continue
        base_id = _copy_style(src_doc, dst_doc, base, qn) if tag == "w:basedOn" else \
            _style_by_name(dst_doc, base.find(qn("w:name")).get(qn("w:val")))
        if base_id is None:
            new.remove(el)
        else:
            el.set(qn("w:val"), base_id)
    style_id = new.get(qn("w:styleId"))
    while dst_styles.get_by_id(style_id) is not None:
        style_id += "B"
    new.set(qn("w:styleId"), style_id)
    if "w:default" in new.attrib or new.get(qn("w:default")) is not None:
        del new.attrib[qn("w:default")]
    num_id = new.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is not None:
        num_id.set(qn("w:val"), str(_copy_numbering(src_doc, dst_doc, int(num_id.get(qn("w:val"))), qn)))
    dst_styles.append(new)
    return style_id


def _style_by_name(doc, name: str) -> str | None:
    try:
        return doc.styles[name].style_id
    except KeyError:
        return None


def _numbering_element(doc):
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.parts.numbering import NumberingPart

    try:
        return doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, doc.part.package)
        doc.part.relate_to(part, RT.NUMBERING)
        return element


def _copy_numbering(src_doc, dst_doc, num_id: int, qn) -> int:
    src = _numbering_element(src_doc)
    dst = _numbering_element(dst_doc)
    num = next(n for n in src.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in src.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    a = deepcopy(abstract)
    for nsid in a.findall(qn("w:nsid")):
        a.remove(nsid)
    return add_list_definition(dst, a, deepcopy(num))


def add_list_definition(numbering, abstract, num=None) -> int:
    """Add a list definition (``w:abstractNum``) and a ``w:num`` that uses it; return its numId.

    The definition gets the next free abstractNumId and goes before the first ``w:num``, as
    Word requires; ``num`` (a copy of another document's, keeping its overrides) or a new
    one is pointed at it. Used by the template builder and for the user's own templates.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    abstract_id = max((int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))),
                      default=-1) + 1
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0) + 1
    if num is None:
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        num.append(OxmlElement("w:abstractNumId"))
    num.set(qn("w:numId"), str(num_id))
    num.find(qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    numbering.append(num)
    return num_id
