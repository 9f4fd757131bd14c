//! The DevTools pipe of a browser (`--remote-debugging-pipe`: JSON
//! messages ended by NUL, read on its descriptor 3 and written on 4), and
//! the thread that reads it.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, PipeWriter, Read};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command};
use std::sync::mpsc::{Receiver, sync_channel};

/// The largest message taken from the browser: a piece of a PDF, the
/// largest Chromium sends, is `devtools::CHUNK` as base64 in JSON (under 6 MB).
/// A browser that sends more without ending the message (a program that
/// does not speak the protocol, a stream of garbage) would otherwise be
/// held in memory until the time is up.
pub const LARGEST: usize = 64 << 20;

/// What the reader sends, as an event of its own, in place of a message
/// over [`LARGEST`] (no event of Chromium's is named so).
pub const TOO_LARGE: &str = "fieldguide.messageTooLarge";

/// A browser started with its DevTools pipe: the messages it sends, as
/// JSON, come on `from`, read by a thread of their own.
pub struct Pipe {
    pub child: Child,
    pub to: PipeWriter,
    pub from: Receiver<Value>,
}

/// Starts `cmd` (a Chromium with `--remote-debugging-pipe`) with the
/// pipe's ends on its descriptors 3 and 4.
pub fn spawn(cmd: &mut Command) -> std::io::Result<Pipe> {
    // Made close-on-exec, so that no other browser started meanwhile
    // holds them open after this one ends.
    let (child_reads, to) = std::io::pipe()?;
    let (from, child_writes) = std::io::pipe()?;
    let (child_in, child_out) = (child_reads.as_raw_fd(), child_writes.as_raw_fd());
    // SAFETY: only async-signal-safe calls (fcntl, dup2) in the child.
    unsafe {
        cmd.pre_exec(move || {
            // Moved out of the way first, so that neither lands on 3 or
            // 4 before the other is placed; dup2 clears close-on-exec.
            let a = libc::fcntl(child_in, libc::F_DUPFD_CLOEXEC, 10);
            let b = libc::fcntl(child_out, libc::F_DUPFD_CLOEXEC, 10);
            if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let spawned = cmd.spawn();
    // The child's ends: closed here, so that the pipe ends with it.
    drop((child_reads, child_writes));
    let child = spawned?;
    // Bounded: a browser that sends faster than its messages are taken
    // waits, rather than have them held in memory.
    let (tx, rx) = sync_channel(64);
    std::thread::spawn(move || {
        let mut reader = BufReader::new(from);
        let mut buf = Vec::new();
        let most = LARGEST as u64 + 1;
        while (&mut reader)
            .take(most)
            .read_until(0, &mut buf)
            .is_ok_and(|n| n > 0)
        {
            if buf.pop_if(|b| *b == 0).is_none() && buf.len() > LARGEST {
                // The pipe is left: the browser is stopped when this ends.
                let _ = tx.send(json!({ "method": TOO_LARGE }));
                break;
            }
            if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                && tx.send(v).is_err()
            {
                break;
            }
            buf.clear();
        }
    });
    Ok(Pipe {
        child,
        to,
        from: rx,
    })
}
