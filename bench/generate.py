#!/usr/bin/env python3
"""Deterministic survey-export generator for the benchmark: N rows of id, date, score, store,
channel and a ~100-character comment in Italian or English, built from phrase fragments.
  bench/generate.py ROWS OUT.csv [--seed 7]"""
import argparse, csv, random

IT = {
    "pos": ["Consegna velocissima e prodotto ottimo", "Personale gentile e competente", "Tutto perfetto, tornerò sicuramente",
            "L'assistenza ha risolto il problema in dieci minuti", "Ottimo rapporto qualità prezzo"],
    "neg": ["Il pacco è arrivato in ritardo di una settimana", "L'app si blocca sempre al login",
            "Ho chiamato tre volte e nessuno mi ha risposto", "Prezzi aumentati senza preavviso",
            "Il rimborso non è mai arrivato", "Commessa maleducata e fila lunghissima alla cassa"],
    "mid": ["però", "ma", "e", "anche se", "tuttavia"],
    "tail": ["!", ".", " :(", " :)", "...", " 👍", " 😡"],
}
EN = {
    "pos": ["Fast delivery and great quality", "The staff were friendly and helpful", "Everything was perfect, will be back",
            "Customer service fixed my issue in ten minutes", "Great value for money"],
    "neg": ["The parcel arrived a week late", "The app keeps crashing at checkout", "I called three times and nobody answered",
            "Prices went up without notice", "Still waiting for my refund", "Rude staff and a long queue at the till"],
    "mid": ["but", "and", "although", "however,"],
    "tail": ["!", ".", " :(", " :)", "...", " 👍", " 😡"],
}
STORES = ["Milano", "Roma", "Torino", "Napoli", "Bologna", "London", "Manchester"]
CHANNELS = ["store", "web", "app", "phone"]


def comment(rng):
    lang = IT if rng.random() < 0.55 else EN
    a = rng.choice(lang["pos"] + lang["neg"])
    b = rng.choice(lang["pos"] + lang["neg"]).lower()
    return f"{a} {rng.choice(lang['mid'])} {b}{rng.choice(lang['tail'])}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "score", "store", "channel", "comment"])
        for i in range(args.rows):
            w.writerow([f"B{i:08d}", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.randint(0, 10),
                        rng.choice(STORES), rng.choice(CHANNELS), comment(rng)])


if __name__ == "__main__":
    main()
