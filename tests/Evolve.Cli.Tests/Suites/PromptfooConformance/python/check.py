def get_assert(output, context):
    """Passes when the team won at least ten games; the score grows with the wins."""
    wins = int(context["vars"]["wins"])
    return {"pass": wins >= 10, "score": min(1.0, wins / 12), "reason": f"{wins} wins"}


def word_share(output, context):
    """The share of words that are longer than four letters."""
    words = output.split()
    return sum(1 for w in words if len(w) > 4) / len(words)
