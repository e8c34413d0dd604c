"""The Nu Html Checker: vnu.jar from the npm package vnu-jar (package.json, `npm ci`), run with
Java (tools/install-system-deps). A missing one fails the test and says how to install it."""

import shutil
import subprocess

import pytest

from tests.project import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make test` (it installs them: tools/install-system-deps && npm ci)"
# A check is a short run: Java's quick compiler alone needs about half the CPU time of its two
# compilers (5 s against 9 s for the whole site, the same messages), with one garbage-collector
# thread. Code that is not compiled as far uses deeper stacks: vnu's schema needs more than the
# default stack then.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")


def vnu(*arguments: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """`java -jar vnu.jar ARGUMENTS`; vnu writes its report to stderr."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing: {INSTALL_HINT}", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(ROOT)} is missing: {INSTALL_HINT}", pytrace=False)
    return subprocess.run([java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), *arguments],
                          capture_output=True, text=True, timeout=timeout)
