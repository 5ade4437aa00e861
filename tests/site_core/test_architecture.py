"""The apps depend downward and no module imports itself back (docs/architecture.md).

Layers, top to bottom: demo -> intranet -> home -> site_core. grimp reads every import,
those inside functions included, so a lazy import cannot hide an upward edge or a cycle.
"""

import grimp
import pytest

LAYERS = ["demo", "intranet", "home", "site_core"]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*LAYERS, include_external_packages=False)


def imports_of(graph):
    return {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}


def test_apps_import_only_their_own_layer_and_those_below(graph):
    upward = sorted(
        f"{module} -> {imported}"
        for module, targets in imports_of(graph).items()
        for imported in targets
        if LAYERS.index(imported.split(".")[0]) < LAYERS.index(module.split(".")[0])
    )
    assert upward == []


def import_cycles(edges):
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in edges.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_itself_back(graph):
    assert import_cycles(imports_of(graph)) == []


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(edges) == [["a", "b", "c"]]
