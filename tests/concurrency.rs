//! A second command on a store in use is told who holds it, and nothing is opened:
//! one writer or many readers, never both (see `src/store/lock.rs`).

mod common;

use std::io::{Read, Write};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::prelude::*;
use predicates::prelude::*;

use common::{articles, bin, ingested};

/// Waits until `cond` holds (or fails the test after 20 s).
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let started = Instant::now();
    while !cond() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn finish(mut child: Child) -> String {
    let status = child.wait().expect("wait");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).expect("stderr");
    }
    assert!(status.success(), "the first command finished well: {err}");
    err
}

#[test]
fn a_writer_excludes_everyone_and_says_who_it_is() {
    let (_dir, store) = ingested();
    let before = articles(&store);
    // an ingest reading stdin holds the store until its input ends
    let mut writer = bin()
        .args(["ingest", "--input-format", "text", "--store"])
        .arg(&store)
        .arg("-")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = writer.id();
    let lock = store.join("newsgraph.lock");
    wait_for("the writer's lock", || {
        std::fs::read_to_string(&lock).is_ok_and(|s| s.contains(&format!("process {pid}")))
    });
    let held_by = format!("is locked by another process (newsgraph ingest, process {pid}, since ");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(common::examples())
        .assert()
        .code(6)
        .stderr(predicate::str::contains(held_by.as_str()));
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg("who-met-whom")
        .assert()
        .code(6)
        .stderr(predicate::str::contains(held_by.as_str()));
    bin()
        .args(["export", "--store"])
        .arg(&store)
        .assert()
        .code(6)
        .stderr(predicate::str::contains(held_by.as_str()));
    // the writer goes on undisturbed and stores its article
    let mut stdin = writer.stdin.take().expect("stdin");
    stdin
        .write_all(b"Talks in Oslo\n\nForeign Minister Anna Berg met Tom Vale in Oslo on Monday.\n")
        .expect("write");
    drop(stdin);
    finish(writer);
    assert_eq!(articles(&store), before + 1);
    assert_eq!(
        std::fs::read_to_string(&lock).expect("lock file"),
        "",
        "a finished writer leaves no name"
    );
}

#[test]
fn readers_share_and_keep_writers_out() {
    let (dir, store) = ingested();
    // an export into a FIFO holds the store (for reading) until someone reads the FIFO
    let fifo = dir.path().join("export.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = bin()
        .args(["export", "--format", "ntriples", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&fifo)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // a second reader is welcome; a writer is not
    let started = Instant::now();
    let mut refused = false;
    while !refused && started.elapsed() < Duration::from_secs(20) {
        let out = bin()
            .args(["ingest", "--store"])
            .arg(&store)
            .arg(common::examples())
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.code() == Some(6) {
            assert!(
                err.contains("is being read by another process (a query, an export, a picture or `newsgraph serve`)"),
                "{err}"
            );
            refused = true;
        } else {
            // the export had not opened the store yet: this ingest ran (adding nothing)
            assert!(out.status.success(), "{err}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    assert!(
        refused,
        "the writer was never refused while the export held the store"
    );
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg("who-met-whom")
        .assert()
        .success()
        .stdout(predicate::str::contains("Lavrov"));
    let mut exported = String::new();
    std::fs::File::open(&fifo)
        .expect("open fifo")
        .read_to_string(&mut exported)
        .expect("read fifo");
    finish(reader);
    assert!(exported.lines().count() > 100);
    // with the readers gone, the writer gets in
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(common::examples())
        .assert()
        .success();
}
