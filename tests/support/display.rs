//! A virtual X display for tests that open a window, and a runner for `herken play` in
//! script mode that returns its report and screenshot.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Starts Xvfb once for the test binary and returns its display name, such as ":5".
///
/// Xvfb is started from a thread that lives as long as the process, with a parent-death
/// signal, so it ends when the tests end.
pub fn display() -> &'static str {
    static DISPLAY: OnceLock<String> = OnceLock::new();
    DISPLAY.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let (mut reader, writer) = std::io::pipe().expect("create a pipe");
            let mut command = Command::new("Xvfb");
            command
                .args([
                    "-displayfd",
                    "3",
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let fd = {
                use std::os::fd::AsRawFd;
                writer.as_raw_fd()
            };
            // SAFETY: only async-signal-safe calls run between fork and exec.
            unsafe {
                command.pre_exec(move || {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                    if libc::dup2(fd, 3) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            let mut child = command
                .spawn()
                .expect("Xvfb must be installed: run scripts/install-deps.sh --test");
            drop(writer);
            let mut number = String::new();
            let mut byte = [0u8; 1];
            while reader.read(&mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
                number.push(byte[0] as char);
            }
            sender
                .send(format!(":{}", number.trim()))
                .expect("send display");
            let _ = child.wait();
        });
        receiver.recv().expect("Xvfb printed its display number")
    })
}

/// What `herken play --screenshot` printed and saved.
pub struct Shot {
    /// The JSON report line.
    pub report: serde_json::Value,
    /// The screenshot.
    pub image: image::RgbImage,
}

/// Runs `herken play FILE ARGS --screenshot` on the virtual display.
pub fn play_and_capture(film: &Path, args: &[&str]) -> Shot {
    let folder = tempfile::tempdir().expect("temporary folder");
    let png = folder.path().join("shot.png");
    let runtime = folder.path().join("runtime");
    std::fs::create_dir_all(&runtime).expect("runtime folder");
    let output = Command::new(env!("CARGO_BIN_EXE_herken"))
        .arg("play")
        .arg(film)
        .args(args)
        .arg("--hide-overlay")
        .arg("--time-limit")
        .arg("90")
        .arg("--screenshot")
        .arg(&png)
        .env("DISPLAY", display())
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run herken play");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "herken play failed: {}\n{}",
        stdout,
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout.lines().last().expect("a report line");
    let report = serde_json::from_str(line).expect("the report is JSON");
    let image = image::open(&png).expect("open screenshot").to_rgb8();
    Shot { report, image }
}
