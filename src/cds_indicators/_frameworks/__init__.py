"""Framework files, one room each: ``schema`` (the file's shape), ``locate`` (lines of key
paths), ``cells`` (target cells and numbers), ``checks`` (what definitions mean), ``build``
(definitions to the model), ``parse`` (text to a framework, every problem collected), ``dump``
(a framework to text), ``registry`` (shipped frameworks, loading by name or path) and ``diff``
(what an edition changes)."""
