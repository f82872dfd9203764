"""Speed and memory of a build from 5 to 2000 articles, against sumy's LexRank on the same input.

Usage (from the repository root)::

    .venv/bin/python bench/run_bench.py                 # the full run (about 10 minutes)
    .venv/bin/python bench/run_bench.py --sizes 5,50 --sumy-timeout 60   # a quick look

For each N the script writes a synthetic corpus of N articles (``bench/corpus.py``,
grown from the shipped samples), then, each in a fresh process so that peak memory is
the build's own: loads it, builds the briefing (seconds per stage, taken from the
progress callback), writes the .docx, and rebuilds with one article added through the
same :class:`briefing.cache.BuildCache`, as the window does. Imports and the one-off
Punkt set-up are timed apart ("warm-up"): a window pays them once, not per build.
sumy's LexRank (a bench-only dependency: ``pip install .[bench]``) then summarises the
same articles, growing N until it would need more than ``--sumy-timeout`` seconds.
Last come start-up times: ``briefing --help`` and, if the window exists, import and
first show of the main window (Qt offscreen platform).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_BASE = REPO / "briefing" / "samples"
DEFAULT_SIZES = (5, 50, 300, 500, 2000)
SUMY_SENTENCES = 15  # about one briefing's worth of points


# --------------------------------------------------------------------------- workers
# Each worker runs in its own process and prints one JSON line.

def _peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def worker_build(folder: str, extra: str) -> dict:
    t0 = time.perf_counter()
    from briefing.cache import BuildCache
    from briefing.load import load_inputs
    from briefing.pipeline import build_briefing
    from briefing.render_docx import render_docx
    from briefing.sentences import split_sentences

    split_sentences("Warm up. Punkt is built here.")
    warm_up = time.perf_counter() - t0

    cpu0 = time.process_time()
    t = time.perf_counter()
    loaded = load_inputs([folder])
    load_s = time.perf_counter() - t

    cache = BuildCache()
    stages, progress = _stage_clock()
    t = time.perf_counter()
    result = build_briefing(loaded.articles, progress=progress, cache=cache)
    build_s = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        render_docx(result.briefing, os.path.join(tmp, "briefing.docx"))
        render_s = time.perf_counter() - t
    cpu_s = time.process_time() - cpu0

    more = load_inputs([extra]).articles
    for a in more:
        a.id = str(len(loaded.articles) + 1)
    rebuild_stages, progress = _stage_clock()
    t = time.perf_counter()
    build_briefing(loaded.articles + more, progress=progress, cache=cache)
    rebuild_s = time.perf_counter() - t

    return {
        "articles": len(loaded.articles),
        "words": sum(len(a.text.split()) for a in loaded.articles),
        "points": len(result.candidates),
        "warm_up": warm_up, "load": load_s, "stages": stages, "build": build_s, "render": render_s,
        "whole": load_s + build_s + render_s, "whole_cpu": cpu_s, "rebuild": rebuild_s,
        "rebuild_stages": rebuild_stages, "peak_mb": _peak_mb(),
    }


def _stage_clock():
    """Seconds per stage, from the progress callback: the time since the previous report
    counts for the stage being reported."""
    stages: dict[str, float] = {}
    last = [time.perf_counter()]

    def progress(stage: str, fraction: float) -> None:
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now

    return stages, progress


class _PlainTokenizer:
    """Sentences and words for sumy without nltk_data: the same Punkt splitter our build uses."""

    language = "english"
    _word = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    def __init__(self) -> None:
        from briefing.sentences import split_sentences

        self._split = split_sentences

    def to_sentences(self, paragraph: str) -> list[str]:
        return self._split(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return self._word.findall(sentence)


def sumy_tokenizer():
    """sumy's own tokenizer if it works offline (it needs nltk_data's punkt), else ours."""
    try:
        from sumy.nlp.tokenizers import Tokenizer

        tok = Tokenizer("english")
        tok.to_sentences("It works. Does it?")
        return tok, "sumy Tokenizer"
    except LookupError:
        return _PlainTokenizer(), "Punkt splitter of briefing (no nltk_data for sumy's Tokenizer)"


def worker_sumy(folder: str) -> dict:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer, tokenizer_name = sumy_tokenizer()
    tokenizer.to_sentences("Warm up. Both sides start ready.")
    # sumy's plain text format: paragraphs separated by blank lines.
    text = "\n\n".join("\n\n".join(ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip())
                       for p in sorted(Path(folder).iterdir()))
    t = time.perf_counter()
    document = PlaintextParser.from_string(text, tokenizer).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summary = summarizer(document, SUMY_SENTENCES)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "sentences": len(document.sentences), "summary": len(summary),
            "peak_mb": _peak_mb(), "tokenizer": tokenizer_name}


def worker_window(launched: str) -> dict:
    """Import of the main window module, then first show, timed from the moment the process was launched."""
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        import gui.main_window as main_window
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        import_s = time.perf_counter() - t
        app = QApplication.instance() or QApplication(["briefing-bench"])
        window = main_window.MainWindow(settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
                                        session_path=Path(tmp) / "session.json", restore_session=False)
        window.show()
        while not window.isVisible():
            app.processEvents()
        app.processEvents()
        shown_s = time.time() - float(launched)
        window.close()
        app.processEvents()
    return {"import": import_s, "shown": shown_s}


# --------------------------------------------------------------------------- driver

def _run_worker(args: list[str], timeout: float | None = None, env: dict | None = None) -> tuple[dict | None, float]:
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", *args],
                              capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - t
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def _help_seconds(runs: int = 5) -> float:
    script = Path(sys.executable).with_name("briefing")
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "briefing", "--help"]
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t)
    return best


def _write(folder: Path, articles) -> None:
    from corpus import write_corpus

    write_corpus(articles, folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="article counts to build (default %(default)s)")
    parser.add_argument("--base", type=Path, default=DEFAULT_BASE, help="folder of .txt articles to grow corpora from")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--sumy-timeout", type=float, default=600.0,
                        help="seconds LexRank may take for one N (default %(default)s); 0 skips sumy")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--tables-from", type=Path, metavar="JSON", help="print the tables of an earlier --json run")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        kind, *rest = args.worker
        out = {"build": worker_build, "sumy": worker_sumy, "window": worker_window}[kind](*rest)
        print(json.dumps(out))
        return 0

    if args.tables_from:
        saved = json.loads(args.tables_from.read_text(encoding="utf-8"))
        for key in ("sizes", "sumy"):
            saved[key] = {int(n): r for n, r in saved[key].items()}
        print_tables(saved, saved["stage_names"])
        return 0

    sys.path.insert(0, str(BENCH))
    from corpus import make_corpus

    sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    if not args.base.is_dir() or not any(args.base.glob("*.txt")):
        parser.error(f"no .txt articles in {args.base} (give another folder with --base)")
    print(f"briefing benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}; corpora grown from {args.base} (seed {args.seed})", flush=True)

    report: dict = {"sizes": {}, "sumy": {}, "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        folders = {}
        for n in sizes:
            corpus = make_corpus(args.base, n + 1, seed=args.seed)
            folders[n] = Path(tmp) / f"n{n}"
            _write(folders[n], corpus[:n])
            _write(Path(tmp) / f"n{n}-extra", corpus[n:])

        stage_names: list[str] = []
        for n in sizes:
            res, _ = _run_worker(["build", str(folders[n]), str(Path(tmp) / f"n{n}-extra")])
            report["sizes"][n] = res
            stage_names += [s for s in res["stages"] if s not in stage_names]
            print(f"  built N={n}: {res['whole']:.2f} s", flush=True)

        if args.sumy_timeout > 0:
            previous: tuple[int, float] | None = None
            for n in sizes:
                if previous and previous[1] * (n / previous[0]) ** 2 > args.sumy_timeout:
                    report["sumy"][n] = {"skipped": f"predicted {previous[1] * (n / previous[0]) ** 2:.0f} s"}
                    break
                res, wall = _run_worker(["sumy", str(folders[n])], timeout=args.sumy_timeout)
                if res is None:
                    report["sumy"][n] = {"skipped": f"over {args.sumy_timeout:.0f} s"}
                    break
                report["sumy"][n] = res
                previous = (n, res["seconds"])
                print(f"  sumy N={n}: {res['seconds']:.2f} s", flush=True)

    report["help_seconds"] = _help_seconds()
    if (REPO / "gui" / "app.py").exists():
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        try:
            window, _ = _run_worker(["window", repr(time.time())], timeout=120, env=env)
            report["window"] = window or {}
        except RuntimeError as exc:  # the window's API moved on: say so, keep the other figures
            report["window"] = {"error": str(exc).splitlines()[-1]}

    report["load_after"] = os.getloadavg()[0]
    report["stage_names"] = stage_names
    print_tables(report, stage_names)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


def print_tables(report: dict, stage_names: list[str]) -> None:
    sizes = report["sizes"]
    cols = ["load", *stage_names, "render"]
    print()
    print("Seconds per stage (fresh process per N; warm-up = imports and Punkt set-up, paid once per process)")
    head = (f"{'N':>5} {'words':>7} {'points':>6} {'warm-up':>7} " + " ".join(f"{c[:9]:>9}" for c in cols)
            + f" {'build':>6} {'whole':>6} {'cpu':>6} {'peak MB':>7} {'rebuild+1':>11}")
    print(head)
    print("-" * len(head))
    for n, r in sizes.items():
        vals = [r["load"], *[r["stages"].get(s, 0.0) for s in stage_names], r["render"]]
        print(f"{n:>5} {r['words']:>7} {r['points']:>6} {r['warm_up']:>7.2f} "
              + " ".join(f"{v:>9.2f}" for v in vals)
              + f" {r['build']:>6.2f} {r['whole']:>6.2f} {r['whole_cpu']:>6.2f} {r['peak_mb']:>7.0f}"
              + f" {r['rebuild']:>6.2f} {100 * r['rebuild'] / r['build']:>3.0f}%")
    print("build = the core stages; whole = load + build + render (.docx), wall clock; cpu = the same in CPU "
          "seconds;\nrebuild+1 = build again with one article added and the same BuildCache (share of build)")
    print()
    print("Rebuild +1, seconds per stage")
    print(f"{'N':>5} " + " ".join(f"{c[:9]:>9}" for c in stage_names))
    for n, r in sizes.items():
        print(f"{n:>5} " + " ".join(f"{r['rebuild_stages'].get(c, 0.0):>9.2f}" for c in stage_names))

    if report["sumy"]:
        print()
        print("Against sumy LexRank (same articles, same sentence splitter). Like for like, ours = load + build:")
        print("files to a briefing, against sumy's parse + rank of the same text; with .docx = whole.")
        head = (f"{'N':>5} {'sentences':>9} {'sumy s':>9} {'sumy MB':>8} {'ours s':>8} {'ours/sumy':>10}"
                f" {'with .docx':>11}")
        print(head)
        print("-" * len(head))
        for n, r in report["sumy"].items():
            ours = sizes[n]["load"] + sizes[n]["build"]
            if "skipped" in r:
                print(f"{n:>5} {'':>9} {'skipped':>9} ({r['skipped']}); ours {ours:.2f} s")
                continue
            print(f"{n:>5} {r['sentences']:>9} {r['seconds']:>9.2f} {r['peak_mb']:>8.0f} {ours:>8.2f} "
                  f"{100 * ours / r['seconds']:>9.1f}% {100 * sizes[n]['whole'] / r['seconds']:>10.1f}%")
        tok = next((r["tokenizer"] for r in report["sumy"].values() if "tokenizer" in r), None)
        if tok:
            print(f"sumy sentences from: {tok}")

    print()
    print(f"start-up: briefing --help {report['help_seconds']:.3f} s (best of 5)")
    window = report.get("window")
    if window and "shown" in window:
        print(f"start-up: window module import {window['import']:.2f} s; window shown {window['shown']:.2f} s "
              f"after launch (offscreen Qt platform)")
    elif window and "error" in window:
        print(f"start-up: window not measured ({window['error']})")
    elif window is not None:
        print("start-up: the window did not show within 120 s")
    print(f"load average (1 min) before / after: {report['load_before']:.1f} / {report['load_after']:.1f} "
          f"on {os.cpu_count()} cores: wall times above that count are inflated by other work")

    print()
    print("Targets (issue 6)")
    for ok, text in targets(report):
        print(f"  {'PASS' if ok else 'FAIL' if ok is False else 'n/a '}  {text}")


def targets(report: dict) -> list[tuple[bool | None, str]]:
    sizes, sumy = report["sizes"], report["sumy"]
    out: list[tuple[bool | None, str]] = []
    if 2000 in sizes:
        r = sizes[2000]
        out.append((r["whole"] <= 60 and r["peak_mb"] <= 2048,
                    f"2000 articles in <= 60 s and <= 2 GB: {r['whole']:.1f} s, {r['peak_mb']:.0f} MB"))
    if 2000 in sizes and 500 in sizes:
        ratio = sizes[2000]["whole"] / sizes[500]["whole"]
        out.append((ratio <= 5.5, f"2000 takes <= 5.5 x the time of 500: {ratio:.2f} x"))
    if 300 in sizes:
        r = sumy.get(300, {})
        if "seconds" in r:
            share = (sizes[300]["load"] + sizes[300]["build"]) / r["seconds"]
            whole = sizes[300]["whole"] / r["seconds"]
            out.append((share <= 0.05, f"300 articles in <= 5% of sumy LexRank's time: {100 * share:.1f}% "
                                       f"({100 * whole:.1f}% with the .docx written)"))
        else:
            out.append((None, "300 articles against sumy: sumy not run"))
    if 500 in sizes:
        share = sizes[500]["rebuild"] / sizes[500]["build"]
        out.append((share <= 0.1, f"rebuild after adding one article to 500 in <= 1/10 of the first build: "
                                  f"{100 * share:.0f}%"))
    out.append((report["help_seconds"] < 0.3, f"briefing --help under 0.3 s: {report['help_seconds']:.3f} s"))
    window = report.get("window")
    if window and "shown" in window:
        out.append((window["shown"] < 2.0, f"window visible in under 2 s: {window['shown']:.2f} s"))
    return out


if __name__ == "__main__":
    sys.exit(main())
