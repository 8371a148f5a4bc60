"""Body fields: tasks (with lead, cooperating and deadline), all deadlines, citations."""

from __future__ import annotations

from dataclasses import dataclass

from ..grammar import patterns
from ..ner import find_agencies
from ..normalize import Text
from ..record import Citation, Deadline, Task, Warning, WarningCode
from .citations import find_citations
from .deadlines import attached_spans, attached_start, find_deadlines
from .tasks import Item, assign_roles, body_marks, find_items, item_text, preamble_lead, single_request


@dataclass
class Body:
    """What the body gives the record."""

    tasks: list[Task]
    deadlines: list[Deadline]
    citations: list[Citation]
    warnings: list[Warning]


def read_body(text: Text, start: int, end: int, annex: tuple[int, int] | None, issue: str | None,
              own_number: str | None, year: int | None = None) -> Body:
    """Tasks, deadlines and citations of the body ``[start, end)``; deadlines and citations also
    of the ``annex`` (task tables there carry time limits, not numbered items). ``issue``: the issue
    date when it has a day; ``own_number``: the document's own number (not a citation), ``year``:
    its year (when the issue date is missing, how old a time limit can be is judged from it)."""
    t = text.text
    start, end = min(start, len(t)), min(end, len(t))  # a document cut inside its title line ends there
    items, tasks = _tasks(text, start, end)
    deadlines, warnings = _deadlines(text, start, end, annex, issue, items, year)
    by_id = {task.id: task for task in tasks}
    for d in deadlines:
        if d.task in by_id and by_id[d.task].deadline is None:
            by_id[d.task].deadline = d
    # citations also stand in the footnotes and annexes after the signature
    citations = find_citations(t, start, len(t), own_number)
    for c in citations:
        c.span = text.source_span(*c.span)
    return Body(tasks, deadlines, citations, warnings)


def _tasks(text: Text, start: int, end: int) -> tuple[list[Item], list[Task]]:
    """The numbered items with their leads and partners (or the one request of a letter without items)."""
    t = text.text
    items = find_items(t, start, end)
    first = items[0].start if items else end
    top_lead = preamble_lead(t, start, first) if items else []
    agencies = find_agencies(t[first:end], first) if items else []  # roles are read in the items only
    aims = patterns("body")["roles"]["aims_heading"]
    marks = body_marks(t, first, end) if items else None
    for item in items:
        # a section's own heading line, at any level ("2. Đối tượng áp dụng" under "II. MỤC TIÊU, ĐỐI TƯỢNG")
        if item.parent and item.parent.aims:
            item.aims = True
        else:
            head = item.text_start  # (the heading may stand on the line after the marker: "Điều 2.\nĐối tượng áp dụng")
            while head < end and t[head] in " \t\n":
                head += 1
            line_end = t.find("\n", head, end)
            item.aims = bool(aims.match(t[head:line_end if line_end >= 0 else end]))
        if item.aims:
            continue  # "I. MỤC ĐÍCH, YÊU CẦU" and what it holds assign nothing
        assign_roles(t, item, items, agencies, marks)
        if not item.lead or item.shares_only:
            inherited = list(item.parent.lead) if item.parent else list(top_lead)
            item.lead = inherited + [a for a in item.lead if a not in inherited]
    tasks = [Task(id=i.id, parent=i.parent.id if i.parent else None, text=item_text(t, i, items),
                   lead=i.lead, cooperating=i.cooperating, deadline=None, span=text.source_span(i.start, i.end))
             for i in items]
    if not items:  # no numbered items: one request ("đề nghị Sở Y tế …", "giao …") is one task
        request = single_request(t, start, end)
        if request:
            items = [request]
            tasks = [Task(id="1", text=item_text(t, request, items), lead=request.lead,
                          cooperating=request.cooperating, span=text.source_span(request.start, request.end))]
    return items, tasks


def _deadlines(text: Text, start: int, end: int, annex: tuple[int, int] | None, issue: str | None,
               items: list[Item], year: int | None) -> tuple[list[Deadline], list[Warning]]:
    """Every deadline, each given to the deepest item it stands in (a group's closer to the group)."""
    t = text.text
    found = find_deadlines(t, start, end, issue, year=year)
    limit = annex[0] if annex else len(t)
    attached = attached_start(t, end, limit)
    if attached is not None:  # a plan or regulation the document issues, after its signature
        spans = attached_spans(t, attached, limit)
        if spans:
            found += find_deadlines(t, attached, limit, issue, year=year, within=spans)
    if annex:
        found += find_deadlines(t, annex[0], annex[1], issue, tables_only=True, year=year)
    closer = patterns("body")["deadlines"]["group_closer"]
    warnings: list[Warning] = []
    for deadline, notes in found:
        s, _ = deadline.span
        owner = None
        for i in items:
            if i.start <= s < i.end and (owner is None or i.level >= owner.level):
                owner = i
        if owner and owner.parent and closer.search(t, max(owner.start, s - 80), s):
            owner = owner.parent
        while owner and owner.field_of_parent and owner.parent:
            owner = owner.parent
        deadline.task = owner.id if owner else None
        deadline.span = text.source_span(*deadline.span)
        if issue and deadline.precision == "day" and not deadline.recurrence and deadline.value < issue:
            warnings.append(Warning(code=WarningCode.DEADLINE_BEFORE_ISSUE_DATE,
                                    message=f"deadline {deadline.value} is before the issue date {issue}"))
        for note in notes:
            warnings.append(Warning(code=WarningCode(note),
                                    message=f"the year of '{deadline.raw}' is taken from the issue date"))
    return [d for d, _ in found], warnings
