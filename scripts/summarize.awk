# Sums the per-assembly VSTest lines ("Passed!  - Failed: 0, Passed: 8, ...") and the smoke checks
# ("smoke: ok ..." / "smoke: FAIL ...") into the plain closing line "N passed, N failed", with ", N skipped"
# when any test skipped itself (e.g. a check against a reference file that is not part of the repository).
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
END {
  if (s > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s
  else printf "%d passed, %d failed\n", p, f
}
