# The Windows installer, from a clean clone, on a 64-bit Windows 10 or 11 PC
# with Python 3.11 (python.org, "py" launcher) and Inno Setup 6.3 or later:
#
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Builds dist\sohoa (PyInstaller, packaging\sohoa.spec), runs its self-test
# offscreen, then compiles dist\sohoa-VERSION-windows-x64-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$venv = ".venv-windows"
if (-not (Test-Path "$venv\Scripts\python.exe")) {
    py -3.11 -m venv $venv
}
$python = "$venv\Scripts\python.exe"
& $python -m pip install --quiet --upgrade pip
& $python -m pip install --quiet -e ".[bundle]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue build\pyinstaller, dist\sohoa
& $python -m PyInstaller --noconfirm --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\sohoa.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The same check the installer makes at its end, before anything is packed.
$env:QT_QPA_PLATFORM = "offscreen"
& dist\sohoa\sohoa-cli.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed ($iscc)" }
& $iscc packaging\windows\sohoa.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
