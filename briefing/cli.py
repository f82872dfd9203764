"""Command line: ``briefing build INPUT... -o OUT.docx`` and friends.

Exit codes: 0 the briefing was written; 1 no usable input or an output could not be
written (including a PDF asked for where LibreOffice is missing: the other outputs are
still written); 2 usage error, which includes a template that cannot be used (unknown
name, missing file, macro-enabled .docm/.dotm, not a Word file): it is checked before any
work is done. Heavy modules are imported only once a command runs, so that
``briefing --help`` answers at once.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # the core is imported only when a command runs, so that --help is quick
    from .documents import Article

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _positive_words(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 10:
        raise argparse.ArgumentTypeError("must be at least 10")
    return value


def _parties(text: str) -> tuple[str, ...]:
    from .edits import party_list

    names = party_list(text)
    if not names:
        raise argparse.ArgumentTypeError("name at least one party, e.g. \"Japan, United States\"")
    return tuple(names)


def _add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="Word file to write")
    p.add_argument("--json", metavar="OUT.json", help="also write the briefing as JSON")
    p.add_argument("--words-per-section", type=_positive_words, default=150, metavar="N",
                   help="word budget of each of objectives, concessions and risks (default 150)")
    p.add_argument("--title", metavar="TEXT", help="briefing title (default: the most representative headline)")
    p.add_argument("--event", metavar="TEXT", help="event line under the title")
    p.add_argument("--parties", metavar="A,B", type=_parties,
                   help="the meeting's sides, comma-separated, e.g. \"Japan, United States\"; points are "
                        "grouped under them (default: the most mentioned countries)")
    p.add_argument("--template", metavar="NAME|PATH", default=None,
                   help="Word style template: a built-in name (see 'briefing templates'; default standard) "
                        "or your own .docx/.dotx, whose styles, page setup and header artwork are kept")
    p.add_argument("--marking", metavar="TEXT", help="handling marking shown in header and footer, "
                                                      "e.g. 'OFFICIAL - SENSITIVE'")
    p.add_argument("--author", metavar="TEXT", help="author recorded in the document properties")
    p.add_argument("--md", metavar="FILE", help="also write the briefing as Markdown (for email)")
    p.add_argument("--pdf", metavar="FILE", help="also write the briefing as PDF (needs LibreOffice)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Build an extractive pre-summit briefing (objectives, concessions, risks) from news articles.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    build = sub.add_parser(
        "build", help="build a briefing from files or folders",
        epilog="Inputs: .txt, .md, .html/.htm, .docx, .pdf, .eml and http(s) links; folders are searched "
               "recursively. Exit status: 0 the briefing was written; 1 no input was usable, no sentence made "
               "a point in any section (nothing is written then), or an output could not be written; 2 usage "
               "error. Each skipped input is named on stderr with its reason.")
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders (searched recursively)")
    _add_output_options(build)
    demo = sub.add_parser("demo", help="build a briefing from the built-in sample articles")
    _add_output_options(demo)
    sub.add_parser("templates", help="list the built-in Word style templates")
    return parser


def _say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def run_templates() -> int:
    from .word_template import DEFAULT_TEMPLATE, builtin_templates

    for name, description in builtin_templates().items():
        default = " (default)" if name == DEFAULT_TEMPLATE else ""
        print(f"{name}{default}\t{description}")
    return EXIT_OK


def run_build(inputs: Sequence[str], args: argparse.Namespace) -> int:
    from .load import load_inputs
    from .model import OWN_BRIEFING_REASON
    from .options import BriefingOptions
    from .output import OutputError, check_target, write_text_atomic
    from .pipeline import build_briefing
    from .render_docx import render_docx
    from .word_template import TemplateError, check_template

    try:
        check_template(args.template)
    except TemplateError as exc:
        _say(str(exc))
        return EXIT_USAGE
    if Path(args.output).suffix.lower() != ".docx":
        _say(f"the Word file must be named .docx: {args.output}")
        return EXIT_USAGE
    if args.pdf and Path(args.pdf).suffix.lower() != ".pdf":
        _say(f"the PDF file must be named .pdf: {args.pdf}")
        return EXIT_USAGE
    named = [(flag, path) for flag, path in (("-o", args.output), ("--json", args.json), ("--md", args.md),
                                             ("--pdf", args.pdf)) if path]
    for i, (flag, path) in enumerate(named):
        for other_flag, other in named[:i]:
            if os.path.abspath(path) == os.path.abspath(other):
                _say(f"{other_flag} and {flag} name the same file ({path}); one would overwrite the other")
                return EXIT_USAGE
    # Every output is checked before the work, so that nothing is half done.
    for _, path in named:
        try:
            check_target(Path(path))
        except OutputError as exc:
            _say(str(exc))
            return EXIT_FAILED
    loaded = load_inputs(inputs)
    # An earlier briefing may be replaced; an article, even one that could not be read, may not.
    inputs_given = [Path(a.path) for a in loaded.articles if a.path] + [
        Path(p.source) for p in loaded.problems if p.reason != OWN_BRIEFING_REASON]
    for flag, path in named:
        if any(_same_file(path, given) for given in inputs_given):
            _say(f"{flag} {path} is one of the input files; writing it would destroy it")
            return EXIT_USAGE
    for problem in loaded.problems:
        _say(f"skipped {problem.source}: {problem.reason}")
    if not loaded.articles:
        if loaded.problems:
            _say("no usable input: nothing to build from")
        else:  # nothing was even tried: say where we looked
            named = ", ".join(str(i) for i in list(inputs)[:3]) + (" ..." if len(inputs) > 3 else "")
            _say(f"no article files found in {named}: nothing to build from")
        return EXIT_FAILED
    options = BriefingOptions(words_per_section=args.words_per_section, title=args.title, event=args.event,
                              parties=args.parties or ())
    result = build_briefing(loaded.articles, options)
    for problem in result.skipped:
        _say(f"skipped {problem.source}: {problem.reason}")
    briefing = result.briefing
    # The build renumbers the sources after a copy it left out; its notes use those numbers.
    names = {result.renumbered.get(i, i): name for i, name in _distinct_names(loaded.articles).items()}
    if result.mixed:
        titles = {result.renumbered.get(a.id, a.id): a.title for a in loaded.articles}

        def files(group: list[str], shown: int = 6) -> str:
            more = f", and {len(group) - shown} more" if len(group) > shown else ""
            return ", ".join(names.get(i, i) for i in group[:shown]) + more

        groups = "; ".join(f"{len(g)} articles like “{titles.get(g[0], g[0])}” ({files(g)})" for g in result.mixed)
        _say(f"warning: these articles seem to cover two different meetings: {groups}. "
             "A briefing for each would be clearer; this one was built from all of them")
    for source_id in result.not_english:
        _say(f"warning: {names.get(source_id, source_id)}: does not read as English; the method reads English "
             "only, so it gives few or no points (it was still used)")
    for source_id in result.off_topic:
        _say(f"warning: {names.get(source_id, source_id)}: shares few words with the other articles; "
             "is it about this meeting? (it was still used)")
    for source_id, count in result.short.items():
        _say(f"warning: {names.get(source_id, source_id)}: only {count} word{'s' if count != 1 else ''} of text, "
             "too short for a news article; is it one? (it was still used)")
    for party in result.unnamed_parties:
        _say(f"warning: --parties: no article names “{party}”, so no point is listed under it")
    for section in briefing.sections:
        if section.points:
            continue
        if section.candidates:  # there were sentences of this kind, all longer than the budget
            _say(f"warning: no point for {section.heading.lower()} within {options.words_per_section} words; "
                 "a larger --words-per-section may find one")
        else:
            _say(f"warning: no point for {section.heading.lower()}: no sentence of the articles reads as one")
    if not any(section.points for section in briefing.sections):
        # A file with headings and no line under any is not a briefing; a script must see it failed.
        _say("nothing written: the briefing would have no point at all")
        return EXIT_FAILED
    briefing.marking = (args.marking or "").strip() or None
    written: list[str] = []
    failed = False

    def attempt(path: str, write) -> None:
        nonlocal failed
        try:
            write()
            written.append(path)
        except OutputError as exc:
            _say(str(exc))
            failed = True

    attempt(args.output, lambda: render_docx(briefing, args.output, args.template, author=args.author))
    if args.json:
        attempt(args.json, lambda: write_text_atomic(args.json, briefing.to_json()))
    if args.md:
        from .render_markdown import render_markdown

        attempt(args.md, lambda: render_markdown(briefing, args.md))
    if args.pdf:
        from .render_pdf import render_pdf

        attempt(args.pdf, lambda: render_pdf(briefing, args.pdf, args.template, author=args.author))
    if written:
        print("wrote " + ", ".join(written))
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        return run_build(args.inputs, args)
    if args.command == "demo":
        from .sample_articles import sample_paths

        return run_build([str(p) for p in sample_paths()], args)
    if args.command == "templates":
        return run_templates()
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def _distinct_names(articles: list[Article]) -> dict[str, str]:
    """File names, or the path under the folders' common parent where two files share a
    name ("sochi/01_wire.txt" and "camp_david/01_wire.txt"), so every warning says which."""
    names = {a.id: a.display_name for a in articles}
    shared = {n for n, k in Counter(names.values()).items() if k > 1}
    paths = [a.path.resolve() for a in articles if a.path and a.path.name in shared]
    if not paths:
        return names
    try:
        base: Path | None = Path(os.path.commonpath([p.parent for p in paths]))
    except ValueError:  # on two drives: no common parent, so the whole path
        base = None
    for a in articles:
        if a.path and names[a.id] in shared:
            path = a.path.resolve()
            names[a.id] = str(path.relative_to(base) if base else path)
    return names


if __name__ == "__main__":
    sys.exit(main())
