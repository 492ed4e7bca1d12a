"""What lasts across the builds of one MkDocs run: under `mkdocs serve`, the last annotations that loaded."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from typing import Any

from .build import Build, SiteConfig
from .problems import AnnotationError, Problem, Severity
from .sitefiles import Store
from .unit import Unit


# While a build runs, the cyclic garbage collector runs far less often: a long text's build makes millions of objects
# that live until it ends, and the default rhythm (a collection every 700 new objects, the oldest scanned again and
# again) took a book's build about 7% of its time. The rhythm the process had comes back when the build ends.
BUILD_GC_THRESHOLD = (50_000, 20, 20)
# Under `mkdocs serve`, a full collection this long after each build, while the server waits for the next edit. Each
# build leaves tens of thousands of objects in cycles (MkDocs' pages and files, which hold every page's HTML, among
# them), and the long-lived ones are collected so seldom that a book's served process grew by some 40 MB a build. A
# full collection takes a few hundred milliseconds on a book: idle, not in the middle of the next build. The collector
# keeps the build's rhythm until then: given its own back at once, it ran a full collection at the build's next
# allocation, before the browser was told to reload (up to 90 ms of a book's rebuild).
IDLE_COLLECTION_S = 0.5


class Session:
    """Owns the builds of one run. `mkdocs build` makes one; `mkdocs serve` one per rebuild, and while an
    annotation file is broken it keeps building with the data that last loaded, so the site stays up."""

    def __init__(self, registry: Sequence[type[Unit]]) -> None:
        self.registry = tuple(registry)
        self.command = ""
        self.last_loaded: dict[str, Any] | None = None
        self.loaded_from: object = None  # the files and settings the last load read, when it succeeded
        self.kept: dict[Any, Any] = {}  # what builds keep for the whole run (Build.keep)
        self.current: Build | None = None
        self.store: Store | None = None  # the downloads, kept from one build of `mkdocs serve` to the next
        self._threshold: tuple[int, int, int] | None = None  # the collector's rhythm before the build began
        self._collection: threading.Timer | None = None  # under serve, the collection due once the server is idle
        self._lock = threading.Lock()  # between a build's beginning and the idle collection's end

    def start(self, command: str) -> None:
        self.command = command
        self.last_loaded = None
        self.loaded_from = None
        self.kept = {}
        self.current = None
        self.stop()
        self.store = Store() if command == "serve" else None

    def stop(self) -> None:
        """The run is over: what it kept on disk is removed, and the collector has its rhythm back."""
        self._cancel_collection()
        self._restore_rhythm()
        if self.store is not None:
            self.store.close()

    def begin(self, site: SiteConfig) -> tuple[Build, tuple[Problem, ...]]:
        """A build for this run, and the problems that were set aside to keep serving (empty when none were).

        Raises AnnotationError when the build cannot go on: always outside `serve`, and when nothing has
        loaded yet or the settings themselves are wrong. Call `end` when the build ends, however it ends."""
        self._cancel_collection()  # the next edit came first: the collection waits for this build's end
        with self._lock:
            if self._threshold is None:
                self._threshold = gc.get_threshold()
                gc.set_threshold(*BUILD_GC_THRESHOLD)
        try:
            return self._begin(site)
        except BaseException:
            self.end()
            raise

    def end(self) -> None:
        """The build is over: the garbage collector goes back to its rhythm; under serve, once it has collected
        while the server is idle."""
        if self.command != "serve":
            self._restore_rhythm()
            return
        self._cancel_collection()
        timer = threading.Timer(IDLE_COLLECTION_S, lambda: self._collect_when_idle(timer))
        timer.daemon = True
        self._collection = timer
        timer.start()

    def _collect_when_idle(self, timer: threading.Timer) -> None:
        gc.collect()
        with self._lock:
            if self._collection is timer:  # no build began meanwhile: it would want its own rhythm kept
                self._restore_rhythm()

    def _restore_rhythm(self) -> None:
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None

    def _cancel_collection(self) -> None:
        with self._lock:
            if self._collection is not None:
                self._collection.cancel()
                self._collection = None

    def _begin(self, site: SiteConfig) -> tuple[Build, tuple[Problem, ...]]:
        build = Build(site, self.registry, self.kept)
        build.store = self.store
        if self.command == "serve":
            build.previous = self.current.made if self.current is not None else {}
        state = build.annotations_state()
        if self.command == "serve" and self.last_loaded is not None and state == self.loaded_from:
            # An edit to a page, not to an annotation: what loaded last is what would load now (checks included).
            build.load(self.last_loaded)
            self.current = build
            return build, ()
        try:
            self.last_loaded = build.load()
            self.loaded_from = state
            problems: tuple[Problem, ...] = ()
        except AnnotationError as err:
            if self.command != "serve" or self.last_loaded is None:
                raise
            build.load(self.last_loaded)
            problems = err.problems
        self.current = build
        return build, problems


MAX_SHOWN = 40  # problems listed in the log: after that many, one fix usually explains the rest


def report(problems: Sequence[Problem]) -> str:
    """The problems as one block of text for the build's log, one problem per line."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    count = f"{len(errors)} problems" if len(errors) > 1 else "1 problem"
    shown = [f"  {p}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(f"  ... and {len(problems) - MAX_SHOWN:,} more; fix the ones above first")
    return f"the annotations have {count}:\n" + "\n".join(shown)
