"""A temporary copy of the project with N opgaven, for the benchmark.

The real opgaven are repeated until there are N, each copy with its own id, slug and
title, so the sections keep their real sizes. Copy 1 of every real opgave keeps the
real id: anything else in data/ that refers to an opgave stays valid. Data files that
are organised per opgave (the budget groups of a year that is split by opgave) get a
matching group for every copy; every other data file is copied as it is.

Works on the YAML as plain data, so it keeps working while the models change; the
benchmark's strict build stops on anything the data check refuses.
"""

import copy
from pathlib import Path

from tests.project import copy_project, read_yaml, write_yaml  # the same copy the tests build from

ROOT = Path(__file__).resolve().parent.parent


def _suffix(value: str, copy_number: int) -> str:
    return value if copy_number == 1 else f"{value}-{copy_number}"


def scale_opgaven(data: dict, count: int) -> tuple[dict, list[tuple[str, str, int]]]:
    """`count` opgaven made from the real ones; also returns (new id, real id, copy number)."""
    real = data["opgaven"]
    opgaven, origins = [], []
    for index in range(count):
        source = real[index % len(real)]
        number = index // len(real) + 1
        record = copy.deepcopy(source)
        record["id"] = _suffix(source["id"], number)
        record["slug"] = _suffix(source["slug"], number)
        if number > 1:
            record["titel"] = f"{source['titel']} ({number})"
        if "oude_slugs" in record:
            record["oude_slugs"] = [_suffix(slug, number) for slug in record["oude_slugs"]]
        opgaven.append(record)
        origins.append((record["id"], source["id"], number))
    return {**data, "opgaven": opgaven}, origins


def scale_budgets(data: dict, origins: list[tuple[str, str, int]]) -> dict:
    """A budget group for every copy of an opgave that has one; totals follow the lines."""
    data = copy.deepcopy(data)
    for year in data.get("jaren", []):
        groups = year.get("groepen", [])
        by_opgave = {group["opgave"]: group for group in groups if group.get("opgave")}
        if not by_opgave:
            continue  # a year with its own grouping does not grow with the opgaven
        scaled = []
        for new_id, real_id, number in origins:
            if real_id not in by_opgave:
                continue
            group = copy.deepcopy(by_opgave[real_id])
            group["opgave"] = new_id
            for line in group.get("regels", []):
                line["id"] = _suffix(line["id"], number)
            scaled.append(group)
        year["groepen"] = scaled
        if year.get("vastgesteld_totaal") is not None:
            year["vastgesteld_totaal"] = sum(
                line["bedrag"] for group in scaled for line in group["regels"] if isinstance(line["bedrag"], int)
            )
    return data


def make_project(destination: Path, count: int, root: Path = ROOT) -> Path:
    """A copy of the project at `destination` whose data has `count` opgaven."""
    project = copy_project(destination, root)
    data_dir = project / "data"
    scaled, origins = scale_opgaven(read_yaml(data_dir / "opgaven.yaml"), count)
    write_yaml(data_dir / "opgaven.yaml", scaled)
    budgets = data_dir / "budgetten.yaml"
    if budgets.exists():
        write_yaml(budgets, scale_budgets(read_yaml(budgets), origins))
    return project


def opgaven_of(project: Path) -> list[dict]:
    return read_yaml(project / "data" / "opgaven.yaml")["opgaven"]
