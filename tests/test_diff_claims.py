"""`funnelcheck diff` on claims: a claim whose text was edited in its stage is one claim
`changed` (old -> new), not one added and one removed; a claim moved to another stage or
rewritten beyond recognition stays removed plus added (issue 18). Run as a user runs it,
on two files, in the three formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_diff import TEXT, diff, diff_json, write

DISCOVERY = (
    "Every payout matched to its invoices, fees and refunds, and posted to your general ledger."
)
AUDIT = "Audit-ready books with a full trail of every match."
TRIAL = "Connect Stripe and watch last month's payouts reconcile against your ledger in minutes."
# Edited after customer calls: a few words changed, a clause added.
DISCOVERY_EDITED = (
    "Every payout matched to its invoices, fees, refunds and disputes, and posted to your "
    "general ledger overnight."
)
TRIAL_EDITED = (
    "Connect Stripe and watch last month's payouts reconcile against your ledger in an hour."
)


def claim_rows(document: dict) -> list[dict]:
    [entry] = document["strategies"]
    return [d for d in entry["details"] if d["kind"] in ("claim", "promise")]


def test_the_sample_holds_the_claims_edited_here() -> None:
    for text in (DISCOVERY, AUDIT, TRIAL):
        assert f"- text: {text}\n" in TEXT


@pytest.mark.slow
def test_an_edited_claim_is_changed_in_json_table_and_markdown(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", TEXT.replace(DISCOVERY, DISCOVERY_EDITED))
    code, document = diff_json(str(old), str(new))  # validated against diff.schema.json
    assert code == 0
    assert claim_rows(document) == [
        {
            "kind": "claim",
            "change": "changed",
            "where": "Discovery call",
            "what": f"{DISCOVERY} -> {DISCOVERY_EDITED}",
            "old": DISCOVERY,
            "new": DISCOVERY_EDITED,
        }
    ]
    table = diff(str(old), str(new)).stdout
    assert "claim changed" in table
    assert "claim added" not in table and "claim removed" not in table
    assert "overnight." in table
    markdown = diff(str(old), str(new), "--format", "markdown").stdout
    [row] = [line for line in markdown.splitlines() if "claim changed" in line]
    assert row.startswith("| claim changed | Discovery call | Every payout matched")
    assert "-&gt; Every payout matched" in row and "overnight. |" in row


def test_a_claim_moved_to_another_stage_is_removed_and_added(tmp_path: Path) -> None:
    # The audit claim moves from the discovery call to the trial, word for word.
    moved = TEXT.replace(f"      - text: {AUDIT}\n        promises: [audit-trail]\n", "").replace(
        f"      - text: {TRIAL}\n",
        f"      - text: {AUDIT}\n        promises: [audit-trail]\n      - text: {TRIAL}\n",
    )
    assert moved.count(AUDIT) == 1 and moved.index(AUDIT) > moved.index("Two-week trial")
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", moved)
    _, document = diff_json(str(old), str(new))
    rows = {(d["change"], d["kind"], d["where"], d["what"]) for d in claim_rows(document)}
    assert rows == {
        ("added", "claim", "Two-week trial", AUDIT),
        ("removed", "claim", "Discovery call", AUDIT),
        ("added", "promise", "Two-week trial", "audit-trail"),
        ("removed", "promise", "Discovery call", "audit-trail"),
    }


def test_a_claim_rewritten_beyond_recognition_is_removed_and_added(tmp_path: Path) -> None:
    rewritten = "Your auditors get read-only access to every reconciliation, with comments."
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", TEXT.replace(AUDIT, rewritten))
    _, document = diff_json(str(old), str(new))
    rows = [(d["change"], d["where"], d["what"]) for d in claim_rows(document)]
    assert rows == [
        ("added", "Discovery call", rewritten),
        ("removed", "Discovery call", AUDIT),
    ]


def test_each_edit_pairs_with_its_own_claim_and_a_new_claim_stays_added(
    tmp_path: Path,
) -> None:
    # Both discovery claims edited, a third claim added to the stage, and the trial's edited.
    added = "Matches payouts in EUR and GBP as well as USD."
    edited = (
        TEXT.replace(DISCOVERY, DISCOVERY_EDITED)
        .replace(AUDIT, "Audit-ready books, with a full trail of every match and who made it.")
        .replace(TRIAL, TRIAL_EDITED)
        .replace(
            "        promises: [audit-trail]\n",
            f"        promises: [audit-trail]\n      - text: {added}\n",
        )
    )
    assert added in edited and TRIAL_EDITED in edited
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", edited)
    _, document = diff_json(str(old), str(new))
    rows = [(d["change"], d["where"], d.get("old"), d.get("new")) for d in claim_rows(document)]
    assert sorted(rows) == sorted(
        [
            ("added", "Discovery call", None, None),
            ("changed", "Discovery call", DISCOVERY, DISCOVERY_EDITED),
            (
                "changed",
                "Discovery call",
                AUDIT,
                "Audit-ready books, with a full trail of every match and who made it.",
            ),
            ("changed", "Two-week trial", TRIAL, TRIAL_EDITED),
        ]
    )
    [new_claim] = [d for d in claim_rows(document) if d["change"] == "added"]
    assert new_claim["what"] == added
    # The reverse revision reads the same edits back, and the new claim as removed.
    _, back = diff_json(str(new), str(old))
    back_rows = [(d["change"], d.get("old"), d.get("new")) for d in claim_rows(back)]
    assert ("changed", TRIAL_EDITED, TRIAL) in back_rows
    assert [d["what"] for d in claim_rows(back) if d["change"] == "removed"] == [added]


def test_promises_follow_their_claim_not_its_text(tmp_path: Path) -> None:
    # The trial's claim is edited and keeps its promise: no promise row. Another claim's
    # promise changes: promises are capability ids, so that is one removed, one added.
    text = TEXT.replace(TRIAL, TRIAL_EDITED).replace(
        "promises: [audit-trail]", "promises: [journal-sync]"
    )
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", text)
    _, document = diff_json(str(old), str(new))
    rows = [(d["kind"], d["change"], d["where"], d["what"]) for d in claim_rows(document)]
    assert ("claim", "changed", "Two-week trial", f"{TRIAL} -> {TRIAL_EDITED}") in rows
    assert ("promise", "removed", "Discovery call", "audit-trail") in rows
    assert ("promise", "added", "Discovery call", "journal-sync") in rows
    assert not [r for r in rows if r[0] == "promise" and r[2] == "Two-week trial"]


@pytest.mark.slow
def test_a_rewritten_pitch_is_shown_old_and_new_and_a_new_one_as_added(tmp_path: Path) -> None:
    """A pitch is what a stage says, as a claim is: its rewrite is one row `pitch changed`
    with both texts, beside the stage's story rows; a stage gaining a pitch, `pitch added`."""
    pitch = next(
        line.split("pitch: ", 1)[1]
        for line in TEXT.splitlines()
        if line.lstrip().startswith("pitch: ")
    )
    rewritten = "Close the month a week sooner, every Stripe payout matched before you sign off."
    old = write(tmp_path / "old.yaml", TEXT)
    new = write(tmp_path / "new.yaml", TEXT.replace(f"pitch: {pitch}", f"pitch: {rewritten}", 1))
    # validated against diff.schema.json; the exit code is the findings' (tested elsewhere)
    _, document = diff_json(str(old), str(new))
    [entry] = document["strategies"]
    [row] = [d for d in entry["details"] if d["kind"] == "pitch"]
    assert row["change"] == "changed"
    assert (row["old"], row["new"]) == (pitch, rewritten)
    assert "pitch changed" in diff(str(old), str(new)).stdout
    markdown = diff(str(new), str(old), "--format", "markdown").stdout
    assert f"| pitch changed | {row['where']} | {rewritten} -&gt; " in markdown
    # The older side without that pitch: the newer side added it.
    bare = write(tmp_path / "bare.yaml", TEXT.replace(f"    pitch: {pitch}\n", "", 1))
    _, document = diff_json(str(bare), str(new))
    [entry] = document["strategies"]
    assert [(d["change"], d["new"]) for d in entry["details"] if d["kind"] == "pitch"] == [
        ("added", rewritten)
    ]
