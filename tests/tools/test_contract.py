"""docs/inputs.md is written from the contract and kept current."""



from pipeline.tools.contract import DOC, contract_markdown


def test_docs_inputs_is_up_to_date():
    """docs/inputs.md is written from schema.py: run `make docs` after changing the contract."""
    assert DOC.read_text(encoding="utf-8") == contract_markdown()
