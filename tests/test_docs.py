"""The docs are tested: the hook page matches the specs, every command has help, every core
module is on the architecture page."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import ModuleType

import pluggy
import pytest
import typer.main
from typer.testing import CliRunner

from claimtrack import hookdocs, hookspecs
from claimtrack.cli import app

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
HOOKS = hookspecs.hook_names()
COMMANDS = [
    command.name or typer.main.get_command_name(command.callback.__name__)  # type: ignore[union-attr]
    for command in app.registered_commands
]


def test_hooks_page_is_generated_from_specs() -> None:
    page = (DOCS / "hooks.md").read_text(encoding="utf-8")
    assert page == hookdocs.render(), (
        "docs/hooks.md is out of date with core/hookspecs.py; "
        "run `python -m claimtrack.hookdocs --write`"
    )


def test_hook_names_found() -> None:
    assert len(HOOKS) >= 9
    assert set(hookdocs.EXAMPLES) == set(HOOKS), "every hook, and only hooks, has an example"


@pytest.mark.parametrize("name", HOOKS)
def test_hook_has_heading(name: str) -> None:
    page = (DOCS / "hooks.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {name}$", page, re.MULTILINE), f"docs/hooks.md has no '## {name}'"


@pytest.mark.parametrize("name", HOOKS)
def test_hook_example_compiles_and_registers(name: str) -> None:
    source = hookdocs.EXAMPLES[name]
    code = compile(source, f"<example {name}>", "exec")
    module = ModuleType(f"example_{name}")
    exec(code, module.__dict__)
    assert callable(getattr(module, name, None)), f"the {name} example defines no {name}()"
    # pluggy refuses an implementation whose arguments the spec does not have.
    pm = pluggy.PluginManager("claimtrack")
    pm.add_hookspecs(hookspecs)
    pm.register(module)
    assert [impl.plugin for impl in getattr(pm.hook, name).get_hookimpls()] == [module]


@pytest.mark.parametrize("name", HOOKS)
def test_hook_docstring_says_what_it_returns(name: str) -> None:
    spec = getattr(hookspecs, name)
    doc = inspect.getdoc(spec)
    assert doc, f"hook {name} has no docstring"
    first = doc.splitlines()[0]
    returns = inspect.signature(spec).return_annotation
    if returns in ("None", None):
        # Registration hooks answer through their callback, not a return value.
        assert "register(" in doc, f"{name}: say how to call the register callback"
    else:
        assert first.startswith("Return "), f"{name}: first line should say what it returns"
    rule = "first non-``none`` answer wins" if hookdocs.is_firstresult(name) else (
        "every plugin is called")
    assert rule in doc.lower(), f"{name}: docstring should say {rule!r}"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    registered = next(
        c for c in app.registered_commands
        if (c.name or typer.main.get_command_name(c.callback.__name__)) == command  # type: ignore[union-attr]
    )
    help_text = registered.help or inspect.getdoc(registered.callback) or ""
    assert help_text.strip(), f"`claims {command}` has no help text"
    first_words = " ".join(help_text.split()[:4])
    assert first_words in " ".join(result.output.split()), result.output


def test_every_command_option_has_help() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if param.name == "help":
                continue
            assert getattr(param, "help", None), f"`claims {name}`: {param.name} has no help"


def test_architecture_mentions_every_core_module() -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "core").glob("*.py"))
    assert "pipeline.py" in modules
    missing = [name for name in modules if name not in page]
    assert not missing, f"docs/architecture.md does not mention {', '.join(missing)}"


def test_hookdocs_prints_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert hookdocs.main([]) == 0
    assert capsys.readouterr().out == hookdocs.render()
