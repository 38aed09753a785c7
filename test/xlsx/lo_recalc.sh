#!/usr/bin/env bash
# Recalculates an .xlsx with LibreOffice headless (a fresh profile that always recalculates on
# load: OOXMLRecalcMode 0) and writes the result as <out>. Usage: lo_recalc.sh in.xlsx outdir [pdf]
set -euo pipefail
in="$1"; outdir="$2"; fmt="${3:-xlsx}"
profile="$(mktemp -d)"
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
mkdir -p "$outdir"
timeout 300 soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to "$fmt" --outdir "$outdir" "$in" >/dev/null 2>&1
rm -rf "$profile"
