"""The rendering workload's data, shared by both sides: writes defaults.json (the
call's DefaultTemplateData) and rows.jsonl (one ReplacementTemplateData per line) into
a work folder. The rows are those of Benchmarks/TemplateRendering: varied names, ids,
cities, VIP flags and five items each. Standard library only."""

import argparse
import json
import os

DEFAULTS = {
    "company": "Example Store",
    "country": "France",
    "tier": "Silver",
    "vip": False,
    "unsubscribeText": "Manage your preferences in your account.",
    "items": [{"name": "Item", "quantity": 1, "price": "9.99"}],
}


def row(index):
    first = ["Ana", "Bo", "Chen", "Dara", "Émile", "Farah", "Gus", "Hana"][index % 8]
    last = ["Silva", "Okafor", "Nguyen", "Müller", "Kowalski", "Haddad", "Ito"][index % 7]
    city = ["Lyon", "Paris", "Marseille", "Lille", "Nantes"][index % 5]
    items = [
        {
            "name": f"Product {index % 97}-{item}",
            "quantity": 1 + (index + item) % 4,
            "price": f"{10 + (index * 7 + item) % 90}.{(index + item * 13) % 100}",
        }
        for item in range(5)
    ]
    return {
        "firstName": first,
        "lastName": last,
        "orderId": f"ORD-{100_000 + index}",
        "trackingNumber": f"1Z{999_000_000 + index * 37}",
        "city": city,
        "vip": index % 3 == 0,
        "tier": "Gold" if index % 3 == 0 else "Silver",
        "items": items,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "defaults.json"), "w", encoding="utf-8") as file:
        json.dump(DEFAULTS, file, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(args.out, "rows.jsonl"), "w", encoding="utf-8") as file:
        for index in range(args.rows):
            file.write(json.dumps(row(index), ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
