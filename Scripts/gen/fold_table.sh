#!/usr/bin/env bash
# Regenerates the traditional → simplified folding table from the system ICU (libicu-dev).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
cc -O2 -o "$out/fold_table" Scripts/gen/fold_table.c $(pkg-config --cflags --libs icu-uc icu-i18n)
"$out/fold_table" > Sources/ZHClaims/Normalize/TraditionalTable.swift
rm -rf "$out"
