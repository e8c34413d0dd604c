"""What outside our code shapes a drawn file: Python, the installed packages, the system's
text libraries and its fonts. Part of every key of the artefact cache (artefacts.py).

The PDF is laid out by pango and harfbuzz with the fonts that fontconfig finds, none of
which is a Python package: a machine with other fonts or another pango draws another PDF
from the same input. Read without importing WeasyPrint (half a second): the libraries'
own version functions and fontconfig's list of font files, through ctypes.
"""

import ctypes
import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

# The names WeasyPrint opens them by (weasyprint/text/ffi.py), on Linux and macOS.
LIBRARIES = {
    "pango": (("libpango-1.0.so.0", "libpango-1.0.dylib", "pango-1.0"), "pango_version_string"),
    "harfbuzz": (("libharfbuzz.so.0", "libharfbuzz.0.dylib", "harfbuzz"), "hb_version_string"),
    "fontconfig": (("libfontconfig.so.1", "libfontconfig.1.dylib", "fontconfig"), "FcGetVersion"),
}


@lru_cache(maxsize=None)
def environment_fingerprint() -> str:
    """A hash of everything below, once per process (about 20 ms)."""
    lines = [f"python {sys.version} {sys.implementation.name}"]
    lines += [f"package {name}" for name in installed_distributions()]
    lines += [f"{name} {version}" for name, version in library_versions().items()]
    lines += [f"font {path} {size} {modified}" for path, size, modified in font_files()]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def installed_distributions() -> list[str]:
    """Every installed distribution as "name-version.dist-info", from the folders on the
    import path (importlib.metadata reads each one's metadata: ten times slower)."""
    found = set()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        found.update(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def _library(names: tuple[str, ...]) -> ctypes.CDLL | None:
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def library_versions() -> dict[str, str]:
    """The versions of pango, harfbuzz and fontconfig ("missing" where one is not installed:
    then no PDF can be drawn, and the build says so)."""
    versions = {}
    for name, (files, function_name) in LIBRARIES.items():
        library = _library(files)
        if library is None:
            versions[name] = "missing"
            continue
        function = getattr(library, function_name)
        function.restype = ctypes.c_int if name == "fontconfig" else ctypes.c_char_p
        value = function()
        versions[name] = value.decode() if isinstance(value, bytes) else str(value)
    return versions


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.POINTER(ctypes.c_void_p))]


def font_files() -> list[tuple[str, int, int]]:
    """Every font file fontconfig offers (as configured now, FONTCONFIG_FILE included), with
    its size and modification time: a font added, removed or replaced changes the list."""
    fontconfig = _library(LIBRARIES["fontconfig"][0])
    if fontconfig is None:
        return []
    fontconfig.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fontconfig.FcPatternCreate.restype = ctypes.c_void_p
    fontconfig.FcObjectSetBuild.restype = ctypes.c_void_p
    fontconfig.FcFontList.restype = ctypes.POINTER(_FontSet)
    fontconfig.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    fontconfig.FcPatternGetString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                              ctypes.POINTER(ctypes.c_char_p)]
    fontconfig.FcFontSetDestroy.argtypes = [ctypes.POINTER(_FontSet)]
    fontconfig.FcConfigDestroy.argtypes = [ctypes.c_void_p]
    fontconfig.FcPatternDestroy.argtypes = [ctypes.c_void_p]
    fontconfig.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
    config = fontconfig.FcInitLoadConfigAndFonts()
    pattern = fontconfig.FcPatternCreate()
    objects = fontconfig.FcObjectSetBuild(b"file", None)
    fonts = fontconfig.FcFontList(config, pattern, objects)
    paths = set()
    try:
        for index in range(fonts.contents.nfont if fonts else 0):
            path = ctypes.c_char_p()
            if fontconfig.FcPatternGetString(fonts.contents.fonts[index], b"file", 0, ctypes.byref(path)) == 0:
                paths.add(os.fsdecode(path.value))
    finally:
        if fonts:
            fontconfig.FcFontSetDestroy(fonts)
        fontconfig.FcObjectSetDestroy(objects)
        fontconfig.FcPatternDestroy(pattern)
        fontconfig.FcConfigDestroy(config)
    files = []
    for path in sorted(paths):
        try:
            status = Path(path).stat()
        except OSError:
            continue
        files.append((path, status.st_size, status.st_mtime_ns))
    return files


if __name__ == "__main__":  # the tests ask a process with another font setup
    print(environment_fingerprint())
