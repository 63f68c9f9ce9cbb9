# medsec: the probes of this PC once a month, each month's evidence kept as its own file.
# Run by the Task Scheduler (monthly-probe.xml); $dir is the folder the zip unpacked into.
$dir = "C:\medsec\medsec-0.1.0-x86_64-pc-windows-gnu"
$out = "C:\medsec\evidence"
New-Item -ItemType Directory -Force $out | Out-Null
$file = Join-Path $out ("evidence-{0:yyyy-MM}.json" -f (Get-Date))
& "$dir\medsec.exe" probe --config "$dir\probes.toml" --format json --out $file --no-progress
exit $LASTEXITCODE   # 0 no probe failed, 1 a probe failed, 2 the configuration is unusable
