//! herken's integration tests, in one binary so that it links once.

mod demo;
mod film;
mod journey;
mod modes;
mod results;
mod scenario;
mod support;
