"""One module per field of the record, each reading its value from the block the segmenter found
and returning it (spans already mapped to the source) with the warnings it raises; ``pipeline``
assigns them. Header: ``doc_type``, ``number``, ``dates`` (issue date, and the date grammar other
fields reuse), ``place``, ``subject``, ``recipients``, ``marks``, ``issuer``. Tail: ``signature``,
``distribution``, ``stamps``; ``lists`` reads the dash-list entries recipients and distribution
share. Body: ``body`` (tasks, deadlines, citations of the body), ``tasks``, ``deadlines``,
``citations``.
"""
