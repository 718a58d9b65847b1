#!/usr/bin/env bash
# Installs the Debian packages that herken needs to build, run and test.
# Used by `make run` and `make test`; prints each package it installs and skips those present.
set -euo pipefail

packages=(
  # Build: GStreamer headers and the window system libraries that Bevy links.
  pkg-config mold libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libasound2-dev libudev-dev libwayland-dev libxkbcommon-dev
  # Run: GStreamer plugins for the common film formats, and a software Vulkan driver.
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-libav gstreamer1.0-alsa gstreamer1.0-tools mesa-vulkan-drivers
  # Keeps the screen awake while a kiosk or classroom film plays (xdg-screensaver).
  xdg-utils
)
test_packages=(
  # Tests: a virtual display, screenshots, and tools that make and inspect test films.
  xvfb xauth imagemagick ffmpeg gstreamer1.0-plugins-base-apps espeak-ng sox
  # The film tools' timing check draws nothing but imports pycairo.
  python3 python3-cairo
)

wanted=("${packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  wanted+=("${test_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#wanted[@]} system packages are present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
