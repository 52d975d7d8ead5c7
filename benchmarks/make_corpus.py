"""Corpora of N news articles, varied copies of real text, for the speed and memory benchmarks.

Usage (from the repository root)::

    python benchmarks/make_corpus.py                       # 1000, 3000, 10000, 30000 as JSONL
    python benchmarks/make_corpus.py --sizes 100 --check   # quick; share of distinct sentences
    python benchmarks/make_corpus.py --sizes 1000 --txt    # also as .txt files in subfolders

Every article is derived from one seed. The seeds, in this order:

1. the 1,783 items of the bundled presidential press corpus,
   ``data/corpora/presidential-press/*.jsonl.gz`` (*President of Russia, www.kremlin.ru* and
   *Office of the President of Ukraine, www.president.gov.ua*, both CC BY 4.0; titles, URLs and
   terms in that folder's README), the two offices interleaved by date, each item's title as its
   first paragraph;
2. the bundled ``data/articles/*.txt``;
3. when present beside the project, ``../shared/corpora/wikinews-ukraine/articles/*.txt``
   (*From Wikinews, the free news source, CC BY 2.5*).

Article ``i`` uses seed ``i mod len(seeds)`` and a random generator seeded with ``i`` alone, so it
is the same in every corpus: the corpus of 1,000 is the first 1,000 articles of the corpus of
30,000 and per-article costs compare across sizes. Up to 1,783 articles every one is a
different press item.

The text varies from article to article, so that no cache can answer a repeated sentence:

- the title and first body paragraph stay first; the other body paragraphs are shuffled;
- every number is replaced by a random number with as many digits;
- weekdays, months and the words of :data:`SYNONYMS` are replaced, occurrence by occurrence,
  by a random member of their group (initial capitals kept);
- the tense and modal verbs of :data:`FORMS` are swapped at random ("is" / "was");
- before half the past-tense words ("denied", "were arrested") an adverb of :data:`ADVERBS` is
  inserted ("has repeatedly denied"), which makes most statements distinct without changing
  who says what;
- a last paragraph carries the article number.

:func:`distinct_sentence_share` says how well that works (share of distinct sentences).

Importable: :func:`seed_articles`, :func:`make_article`, :func:`build_corpus`,
:func:`iter_corpus`, :func:`distinct_sentence_share`.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
#: Where corpora and run outputs go (git-ignored).
WORK = REPO / "benchmarks" / "_work"
#: The bundled press corpus: the first seeds, one JSONL record per item.
PRESS_DIR = REPO / "data" / "corpora" / "presidential-press"
#: Its two offices, in the order their items come on the same date.
PRESS_FILES = ("kremlin.jsonl.gz", "president-of-ukraine.jsonl.gz")
#: Seed folders after the press items: the bundled article, then the shared Wikinews sample
#: when it is present.
SEED_DIRS = (REPO / "data" / "articles",
             REPO / ".." / "shared" / "corpora" / "wikinews-ukraine" / "articles")
#: Corpus sizes of the speed benchmark (100 still builds, for quick checks).
SIZES = (1_000, 3_000, 10_000, 30_000)
#: Text files per subfolder when a corpus is also written as .txt files.
FILES_PER_FOLDER = 1_000
#: Bump when the generator changes, so stale corpora in ``_work`` are rebuilt.
GENERATOR_VERSION = 4

#: Groups of interchangeable words; each occurrence of a member becomes a random member.
#: Chosen from words frequent in the seed articles that are neither actor or target names nor
#: speech cues, so the variation changes the text, not what kind of text it is. "May" and
#: "March" are left out of the months: they are also a verb.
SYNONYMS = (
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ("January", "February", "April", "June", "July", "August", "September", "October",
     "November", "December"),
    ("talks", "negotiations", "discussions"),
    ("tensions", "frictions", "strains"),
    ("troops", "soldiers"),
    ("people", "residents", "citizens"),
    ("building", "tower", "structure"),
    ("large", "big", "major"),
    ("new", "fresh", "latest"),
    ("important", "significant", "key"),
    ("country", "nation"),
    ("meeting", "session", "summit"),
    ("reporters", "journalists"),
    ("election", "vote", "ballot"),
    ("demands", "requests"),
    ("proposals", "offers", "plans"),
    ("concerns", "worries", "fears"),
    ("city", "town"),
    ("region", "area", "province"),
    ("agreement", "deal", "accord"),
    ("week", "month"),
    ("several", "many", "some"),
    ("video", "footage", "clip"),
    ("interview", "conversation"),
    ("crisis", "conflict", "standoff"),
    ("government", "administration"),
)
#: Adverbs inserted before past-tense words: all of them may stand between a speaker and a cue
#: (``stance.extract.spans.BETWEEN``), so "Putin reportedly said" is still Putin's statement.
ADVERBS = ("also", "again", "reportedly", "previously", "repeatedly", "publicly", "recently",
           "already", "initially", "later", "firmly", "openly")
#: Share of past-tense words that get an adverb.
ADVERB_SHARE = 0.5
#: Tense and modal pairs, swapped at random (lower case only: "May" is also a month). Nearly every
#: clause has one, so they make most statements distinct.
FORMS = (("is", "was"), ("are", "were"), ("will", "would"), ("can", "could"), ("may", "might"),
         ("has", "had"))
_GROUP_OF = {w: g for g in SYNONYMS for w in g}
_FORM_OF = {w: g for g in FORMS for w in g}
_FORM_RE = re.compile(r"\b(" + "|".join(sorted(_FORM_OF)) + r")\b")
_WORD_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w in _GROUP_OF), key=len,
                                                reverse=True)) + r")\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d+")
# A lower-case word ending in "ed" after a lower-case word and one space ("were arrested").
_PAST_RE = re.compile(r"(?<=[a-z] )[a-z]{2,}ed\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def press_articles(folder: Path = PRESS_DIR) -> list[tuple[str, str, str]]:
    """The press items as ``(doc_id, date, text)``, the two offices interleaved by date.

    Ordered by date, then office (:data:`PRESS_FILES`), then position in the file, so the
    order does not depend on how the files happen to be sorted and a short prefix holds both
    offices. The title becomes the first paragraph, as in the other seeds. Empty when the
    folder is missing (an installed package has no ``data/``).
    """
    keyed = []
    for office, name in enumerate(PRESS_FILES):
        path = folder / name
        if not path.is_file():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if not line.strip():
                    continue
                rec = json.loads(line)
                text = rec["text"].replace("\r\n", "\n").strip()
                title = (rec.get("title") or "").strip()
                if title and not text.startswith(title):
                    text = f"{title}\n\n{text}"
                keyed.append(((rec["date"], office, k), (rec["doc_id"], rec["date"], text)))
    keyed.sort(key=lambda pair: pair[0])
    return [seed for _, seed in keyed]


def seed_articles() -> list[tuple[str, str, str]]:
    """The seed articles as ``(name, date, text)``: the press items, then the seed folders.

    Folders are read in the order of :data:`SEED_DIRS`, files by name. ``date`` is the item's
    date, or the ``YYYY-MM-DD`` that starts a Wikinews file name, else 2022-02-01 (the date of
    the bundled AP story).
    """
    seeds = press_articles()
    for folder in SEED_DIRS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
            m = re.match(r"(\d{4}-\d{2}-\d{2})_", path.name)
            seeds.append((path.stem, m.group(1) if m else "2022-02-01", text))
    if not seeds:
        raise SystemExit(f"no seed articles in {PRESS_DIR} or {SEED_DIRS[0]}; run from a "
                         "source checkout")
    return seeds


def _vary_words(text: str, rng: random.Random) -> str:
    def word(m: re.Match) -> str:
        found = m.group()
        group = _GROUP_OF.get(found) or _GROUP_OF.get(found.lower()) or \
            _GROUP_OF.get(found.capitalize())
        new = rng.choice(group)
        return new[0].upper() + new[1:] if found[0].isupper() else new

    def number(m: re.Match) -> str:
        n = len(m.group())
        low = 10 ** (n - 1) if n > 1 else 0
        return str(rng.randrange(low, 10 ** n))

    def adverb(m: re.Match) -> str:
        return (rng.choice(ADVERBS) + " " if rng.random() < ADVERB_SHARE else "") + m.group()

    def form(m: re.Match) -> str:
        return rng.choice(_FORM_OF[m.group()])

    text = _FORM_RE.sub(form, _WORD_RE.sub(word, text))
    return _PAST_RE.sub(adverb, _NUMBER_RE.sub(number, text))


def make_article(i: int, seeds: list[tuple[str, str, str]]) -> dict:
    """Article number ``i``: a JSONL record with ``doc_id``, ``date``, ``source``, ``text``."""
    name, date, text = seeds[i % len(seeds)]
    rng = random.Random(f"stance-benchmark-{i}")
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    varied = [_vary_words(p, rng) for p in head + body]
    varied.append(f"This is article number {i + 1} of the benchmark corpus, derived from {name}.")
    return {"doc_id": f"bench-{i + 1:06d}", "date": date, "source": "benchmark",
            "text": "\n\n".join(varied) + "\n"}


def iter_corpus(n: int) -> Iterator[dict]:
    """The first ``n`` benchmark articles, in order."""
    seeds = seed_articles()
    for i in range(n):
        yield make_article(i, seeds)


def _stamp(n: int, txt: bool) -> str:
    seeds = seed_articles()
    return json.dumps({"version": GENERATOR_VERSION, "n": n, "txt": txt,
                       "seeds": [(s[0], len(s[2])) for s in seeds]}, sort_keys=True)


def build_corpus(n: int, *, work: Path = WORK, txt: bool = False, force: bool = False) -> Path:
    """Write the corpus of ``n`` articles; return its path (reused when already up to date).

    Parameters
    ----------
    n : int
        Number of articles.
    work : Path
        Folder for the corpora.
    txt : bool
        Write a folder of ``.txt`` files (``FILES_PER_FOLDER`` per subfolder) instead of one
        ``.jsonl`` file. A ``.txt`` article is read with its file name as ``doc_id`` and no date.
    force : bool
        Rebuild even when an up-to-date copy exists.

    Returns
    -------
    Path
        ``work/corpus-N.jsonl`` or the folder ``work/corpus-N-txt``.
    """
    work.mkdir(parents=True, exist_ok=True)
    target = work / (f"corpus-{n}-txt" if txt else f"corpus-{n}.jsonl")
    stamp_file = work / f".{target.name}.stamp"
    stamp = _stamp(n, txt)
    if not force and target.exists() and stamp_file.is_file() and \
            stamp_file.read_text(encoding="utf-8") == stamp:
        return target
    if txt:
        import shutil
        if target.exists():
            shutil.rmtree(target)
        for rec in iter_corpus(n):
            k = int(rec["doc_id"].rsplit("-", 1)[1]) - 1
            folder = target / f"{k // FILES_PER_FOLDER:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{rec['doc_id']}.txt").write_text(rec["text"], encoding="utf-8")
    else:
        tmp = target.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for rec in iter_corpus(n):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, target)
    stamp_file.write_text(stamp, encoding="utf-8")
    return target


def read_texts(path: Path) -> Iterator[str]:
    """The article texts of a corpus written by :func:`build_corpus` (JSONL or .txt folder)."""
    path = Path(path)
    if path.is_dir():
        for f in sorted(path.rglob("*.txt")):
            yield f.read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)["text"]


def distinct_sentence_share(path: Path) -> tuple[int, float]:
    """Number of sentences in a corpus and the share of them that are distinct.

    Sentences are cut naively after ``.``, ``!`` or ``?`` and white space: good enough to show
    that repeated text is rare, not a sentence splitter.
    """
    split = re.compile(r"(?<=[.!?])\s+")
    seen: set[int] = set()
    total = 0
    for text in read_texts(path):
        for s in split.split(text):
            if s.strip():
                total += 1
                seen.add(hash(s.strip()))
    return total, (len(seen) / total if total else 0.0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)),
                   help="comma-separated corpus sizes (default: %(default)s)")
    p.add_argument("--txt", action="store_true", help="also write .txt folders")
    p.add_argument("--force", action="store_true", help="rebuild existing corpora")
    p.add_argument("--check", action="store_true", help="print the share of distinct sentences")
    args = p.parse_args(argv)
    for n in (int(x) for x in args.sizes.split(",") if x.strip()):
        paths = [build_corpus(n, force=args.force)]
        if args.txt:
            paths.append(build_corpus(n, txt=True, force=args.force))
        for path in paths:
            size = (sum(f.stat().st_size for f in path.rglob("*.txt")) if path.is_dir()
                    else path.stat().st_size)
            line = f"{path.relative_to(REPO)}: {n} articles, {size / 1e6:.1f} MB"
            if args.check:
                total, share = distinct_sentence_share(path)
                line += f", {total} sentences, {share:.1%} distinct"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
