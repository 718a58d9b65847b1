//! `herken run` on the demo scenarios: scripts that pause in every signal window or only
//! at the moments that are no signal, with pixel checks on the screenshots.

mod scripted;
