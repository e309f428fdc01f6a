"""Finding the project root from any path inside a 4D project."""

import pytest

from tlsgui.errors import ProjectNotFound
from tlsgui.project.locate import ProjectPaths, certificate_folder_path, find_project_root


def test_found_from_nested_folders_and_files(demo):
    assert find_project_root(demo) == demo.resolve()
    assert find_project_root(demo / "Project" / "Sources" / "Methods") == demo.resolve()
    assert find_project_root(demo / "Project" / "Sources" / "settings.4DSettings") == demo.resolve()
    assert ProjectPaths(demo).name == "DemoShop"


def test_project_with_only_sources_folder(tmp_path):
    (tmp_path / "App" / "Project" / "Sources").mkdir(parents=True)
    assert find_project_root(tmp_path / "App") == (tmp_path / "App").resolve()


def test_not_a_project(tmp_path):
    with pytest.raises(ProjectNotFound, match="is not inside a 4D project"):
        find_project_root(tmp_path)


def test_missing_path(tmp_path):
    with pytest.raises(ProjectNotFound, match="does not exist"):
        find_project_root(tmp_path / "nope")


@pytest.mark.parametrize("value, expected", [
    ("file:///Users/imac/", "/Users/imac"),
    ("file:///C:/My%20Certs/", "/C:/My Certs"),
    ("/srv/certs", "/srv/certs"),
    ("certs", "ROOT/certs"),
    ("", None),
])
def test_certificate_folder_forms(tmp_path, value, expected):
    result = certificate_folder_path(value, tmp_path)
    assert (str(result).replace(str(tmp_path), "ROOT") if result else None) == expected
