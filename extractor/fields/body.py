"""Body fields: tasks (with lead, cooperating and deadline), all deadlines, citations."""

from __future__ import annotations

from ..grammar import patterns
from ..ner import find_agencies
from ..normalize import Text
from ..record import Record, Task
from .citations import find_citations
from .deadlines import find_deadlines
from .tasks import assign_roles, find_items, item_text, preamble_lead, single_request


def extract_body(record: Record, text: Text, start: int, end: int, annex: tuple[int, int] | None = None) -> None:
    """Tasks, deadlines and citations of the body ``[start, end)``; deadlines and citations also
    of the ``annex`` (task tables there carry time limits, not numbered items)."""
    t = text.text
    start, end = min(start, len(t)), min(end, len(t))  # a document cut inside its title line ends there
    issue = record.issue_date.value if record.issue_date and record.issue_date.precision == "day" else None
    items = find_items(t, start, end)
    first = items[0].start if items else end
    top_lead = preamble_lead(t, start, first) if items else []
    agencies = find_agencies(t[first:end], first) if items else []  # roles are read in the items only
    aims = patterns("body")["roles"]["aims_heading"]
    for item in items:
        line_end = t.find("\n", item.text_start, end)
        heading = t[item.text_start:line_end if line_end >= 0 else end]
        item.aims = bool(item.parent.aims if item.parent else aims.match(heading))
        if item.aims:
            continue  # "I. MỤC ĐÍCH, YÊU CẦU" and what it holds assign nothing
        assign_roles(t, item, items, agencies)
        if not item.lead or item.shares_only:
            inherited = list(item.parent.lead) if item.parent else list(top_lead)
            item.lead = inherited + [a for a in item.lead if a not in inherited]
    # (built without re-validation: thousands per long decree, and every value here is ours)
    tasks = [Task.model_construct(id=i.id, parent=i.parent.id if i.parent else None, text=item_text(t, i, items),
                                  lead=i.lead, cooperating=i.cooperating, deadline=None,
                                  span=text.source_span(i.start, i.end)) for i in items]
    if not items:  # no numbered items: one request ("đề nghị Sở Y tế …", "giao …") is one task
        request = single_request(t, start, end)
        if request:
            item = request
            items = [item]
            tasks = [Task(id="1", text=item_text(t, item, items), lead=item.lead, cooperating=item.cooperating,
                          span=text.source_span(item.start, item.end))]
    deadlines = find_deadlines(t, start, end, issue)
    if annex:
        deadlines += find_deadlines(t, annex[0], annex[1], issue, tables_only=True)
    closer = patterns("body")["deadlines"]["group_closer"]
    for deadline, notes in deadlines:
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
            record.warn("deadline_before_issue_date", f"deadline {deadline.value} is before the issue date {issue}")
        for note in notes:
            record.warn(note, f"the year of '{deadline.raw}' is taken from the issue date")
    record.deadlines = [d for d, _ in deadlines]
    by_id = {task.id: task for task in tasks}
    for d in record.deadlines:
        if d.task in by_id and by_id[d.task].deadline is None:
            by_id[d.task].deadline = d
    record.tasks = tasks
    own = record.number.raw if record.number else None
    # citations also stand in the footnotes and annexes after the signature
    record.citations = find_citations(t, start, len(t), own)
    for c in record.citations:
        c.span = text.source_span(*c.span)
