//! Opening and closing films many times leaks no threads, file descriptors or memory.

use std::process::Command;

use crate::support::fixtures;

fn figure(text: &str, name: &str) -> (f64, f64) {
    let line = text
        .lines()
        .find(|line| line.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("no {name} line in {text}"));
    let (_, values) = line.split_once(':').expect("name: before -> after");
    let (before, after) = values.split_once("->").expect("before -> after");
    let parse = |value: &str| value.trim().parse::<f64>().expect("a number");
    (parse(before), parse(after))
}

// Run in its own process, so that other tests' threads and memory do not count.
#[test]
fn opening_and_closing_200_times_stays_flat() {
    let output = Command::new(env!("CARGO_BIN_EXE_herken"))
        .args(["bench", "--reopen", "200"])
        .arg(fixtures::vp9_321x241())
        .output()
        .expect("run herken bench --reopen");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let (threads_before, threads_after) = figure(&text, "threads");
    let (files_before, files_after) = figure(&text, "open_files");
    let (memory_before, memory_after) = figure(&text, "resident_mib");
    assert!(threads_after <= threads_before + 2.0, "threads: {text}");
    assert!(files_after <= files_before + 2.0, "open files: {text}");
    assert!(
        memory_after <= memory_before + 30.0,
        "resident memory: {text}"
    );
}
