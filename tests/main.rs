//! herken's integration tests, in one binary so that it links once.

mod demo;
mod film;
mod journey;
mod scenario;
mod support;
