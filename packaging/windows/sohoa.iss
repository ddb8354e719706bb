; Inno Setup 6 script: the Windows installer of Sohoa.
;
; Build the program folder first (dist\sohoa, by packaging\sohoa.spec), then:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\sohoa.iss
; or run packaging\windows\build.ps1, which does both. The installer lands in
; dist\ as sohoa-VERSION-windows-x64-setup.exe.
;
; It installs for every user of the PC (the three shifts log in to Sohoa, not
; necessarily to Windows, under their own names), adds Sohoa to the Start
; menu with its uninstaller, and ends with Sohoa's own self-test: a
; temporary station in which one entry of each book is keyed and saved
; through the real window, offscreen. The stations' data (in each Windows
; user's %LOCALAPPDATA%\Sohoa) is never touched, by an upgrade or by the
; uninstaller.

#define AppName "Sohoa"
#define SourceDir "..\..\dist\sohoa"
#ifndef AppVersion
  ; The version the spec wrote into sohoa.exe (app/__init__.py's, as it is).
  #define AppVersion GetStringFileInfo(SourceDir + "\sohoa.exe", "ProductVersion")
#endif

; The wizard speaks Vietnamese where Inno Setup's Vietnamese translation is
; installed (it is among the translations Inno Setup lists as unofficial:
; put Vietnamese.isl in the compiler's Languages\Unofficial folder).
#define VietnameseIsl AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl"
#if FileExists(VietnameseIsl)
  #define Vietnamese
#endif

[Setup]
; One AppId for every version, so that a new version upgrades the old one.
AppId={{5B0E4C1A-7D8F-4E2B-9A63-2C4F1D7E8B90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
; Qt 6 runs on 64-bit Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=sohoa-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\sohoa.ico
UninstallDisplayIcon={app}\sohoa.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A Sohoa still open is closed (its draft is saved by then: every pause in
; typing saves one) before its files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
#ifdef Vietnamese
Name: "vietnamese"; MessagesFile: "compiler:Languages\Unofficial\Vietnamese.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#ifdef Vietnamese
vietnamese.SelfTestRunning=Đang kiểm tra Sohoa trên máy này…
vietnamese.SelfTestPassed=Sohoa đã được cài đặt và hoạt động tốt trên máy này: một mục của mỗi loại sổ đã được nhập và lưu thử trong một trạm tạm.
vietnamese.SelfTestFailed=Sohoa đã được cài đặt nhưng bước tự kiểm tra KHÔNG đạt (mã %1).%n%nXin báo cho bộ phận kỹ thuật. Nhật ký ở %2.
vietnamese.SelfTestShortcut=Kiểm tra Sohoa trên máy này
#endif
english.SelfTestRunning=Checking that Sohoa works on this computer…
english.SelfTestPassed=Sohoa is installed and works on this computer: one entry of each book was keyed and saved in a temporary station.
english.SelfTestFailed=Sohoa is installed, but its self-test FAILED (code %1).%n%nTell the technical staff. The log is in %2.
english.SelfTestShortcut=Check Sohoa on this computer

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; PyInstaller's folder changes from one version to the next: an upgrade
; starts from an empty one, so no file of the old version is left to load.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\sohoa.exe"
; The same self-test again, in a console window that stays open to be read.
; cmd /k strips one outer pair of quotes: the path keeps its own, whatever
; folder it is in.
Name: "{group}\{cm:SelfTestShortcut}"; Filename: "{cmd}"; \
  Parameters: "/k """"{app}\sohoa-cli.exe"" --self-test"""; IconFilename: "{app}\sohoa.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\sohoa.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sohoa.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[Code]
// The post-install check: Sohoa's own --self-test. Its verdict is written
// to the setup log, and shown unless the install is silent (a silent
// install waits for no one: /LOG=setup.log keeps the verdict).
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Passed: Boolean;
begin
  if CurStep <> ssPostInstall then
    Exit;
  WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
  Passed := Exec(ExpandConstant('{app}\sohoa-cli.exe'), '--self-test', ExpandConstant('{app}'),
    SW_HIDE, ewWaitUntilTerminated, ResultCode) and (ResultCode = 0);
  Log(Format('Sohoa self-test: exit code %d', [ResultCode]));
  if WizardSilent then
    Exit;
  if Passed then
    MsgBox(CustomMessage('SelfTestPassed'), mbInformation, MB_OK)
  else
    MsgBox(FmtMessage(CustomMessage('SelfTestFailed'),
      [IntToStr(ResultCode), ExpandConstant('{localappdata}\Sohoa\Logs')]), mbError, MB_OK);
end;
