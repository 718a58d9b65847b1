//! The handoff of decoded frames from GStreamer's streaming thread to the code that shows them.
//!
//! The streaming thread never waits for the app: in `Latest` mode a new frame replaces one
//! the app has not taken yet, so a slow renderer drops frames instead of slowing the film
//! and its sound. `Every` mode blocks instead, for decoding as fast as possible without loss.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use std::time::Duration;

use crossbeam_channel::{Receiver, SendTimeoutError, Sender};

use super::frame::DecodedFrame;

/// The way frames are handed over.
pub enum FrameHandoff {
    /// Keep only the newest frame; older untaken frames are dropped.
    Latest(Mutex<Option<Box<DecodedFrame>>>),
    /// Hand over every frame through a bounded channel, blocking the decoder when full.
    Every(Sender<DecodedFrame>),
}

/// The shared end of the handoff: the appsink callbacks put frames in, the player takes
/// them out.
pub struct FrameMailbox {
    handoff: FrameHandoff,
    accepting: AtomicBool,
    last_identity: Mutex<Option<(usize, u64)>>,
    delivered: AtomicU64,
    dropped: AtomicU64,
}

impl FrameMailbox {
    /// Creates a mailbox that keeps only the latest frame.
    pub fn latest() -> FrameMailbox {
        FrameMailbox::with_handoff(FrameHandoff::Latest(Mutex::new(None)))
    }

    /// Creates a mailbox that delivers every frame, and the receiver to read them from.
    pub fn every(capacity: usize) -> (FrameMailbox, Receiver<DecodedFrame>) {
        let (sender, receiver) = crossbeam_channel::bounded(capacity.max(1));
        (
            FrameMailbox::with_handoff(FrameHandoff::Every(sender)),
            receiver,
        )
    }

    fn with_handoff(handoff: FrameHandoff) -> FrameMailbox {
        FrameMailbox {
            handoff,
            accepting: AtomicBool::new(true),
            last_identity: Mutex::new(None),
            delivered: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
        }
    }

    /// Puts a frame in, replacing an untaken one in `Latest` mode. Frames that arrive while
    /// the mailbox is closed, between a pause and the next seek or play, are discarded, and
    /// so is the preroll frame when GStreamer renders it again on play.
    pub fn put(&self, frame: DecodedFrame) {
        if !self.accepting.load(Ordering::Acquire) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let identity = Some(frame.identity());
        {
            let mut last = self
                .last_identity
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if *last == identity {
                return;
            }
            *last = identity;
        }
        self.delivered.fetch_add(1, Ordering::Relaxed);
        match &self.handoff {
            FrameHandoff::Latest(slot) => {
                let mut slot = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if slot.replace(Box::new(frame)).is_some() {
                    self.dropped.fetch_add(1, Ordering::Relaxed);
                }
            }
            FrameHandoff::Every(sender) => self.send_unless_closed(sender, frame),
        }
    }

    /// Sends `frame`, waiting while the channel is full, but gives up once the mailbox is
    /// closed so that stopping the pipeline never waits on a reader that has gone.
    fn send_unless_closed(&self, sender: &Sender<DecodedFrame>, mut frame: DecodedFrame) {
        loop {
            match sender.send_timeout(frame, Duration::from_millis(50)) {
                Ok(()) => return,
                Err(SendTimeoutError::Timeout(unsent))
                    if self.accepting.load(Ordering::Acquire) =>
                {
                    frame = unsent;
                }
                Err(_) => {
                    self.dropped.fetch_add(1, Ordering::Relaxed);
                    return;
                }
            }
        }
    }

    /// Takes the newest frame, if one arrived since the last call (`Latest` mode only).
    pub fn take(&self) -> Option<DecodedFrame> {
        match &self.handoff {
            FrameHandoff::Latest(slot) => slot
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .take()
                .map(|frame| *frame),
            FrameHandoff::Every(_) => None,
        }
    }

    /// Stops accepting frames and discards an untaken one, so the frame on screen stays.
    pub fn close(&self) {
        self.accepting.store(false, Ordering::Release);
        drop(self.take());
    }

    /// Accepts frames again.
    pub fn open(&self) {
        self.accepting.store(true, Ordering::Release);
    }

    /// Returns how many frames were put in and how many were dropped unseen.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.delivered.load(Ordering::Relaxed),
            self.dropped.load(Ordering::Relaxed),
        )
    }
}
