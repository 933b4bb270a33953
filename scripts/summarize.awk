# Sums the per-assembly VSTest lines ("Passed!  - Failed: 0, Passed: 8, ...") and the smoke checks
# ("smoke: ok ..." / "smoke: FAIL ...") into the plain closing line "N passed, N failed, N skipped".
/^(Passed|Failed)! +- +Failed:/ {
  line = $0; gsub(/,/, "", line); n = split(line, a, /[ \t]+/)
  for (i = 1; i < n; i++) {
    if (a[i] == "Failed:") f += a[i + 1]
    if (a[i] == "Passed:") p += a[i + 1]
    if (a[i] == "Skipped:") s += a[i + 1]
  }
}
/^smoke: ok / { p++ }
/^smoke: FAIL / { f++ }
/^build: FAIL/ { f++ }
END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
