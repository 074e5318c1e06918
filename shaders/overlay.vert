#version 330 core
// The overlay's triangles (imgui's draw lists: OverlayRenderer.java), in framebuffer pixels from the
// top left, with their texture coordinates and colours.
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColour;   // normalised from 8-bit RGBA
uniform mat4 uProjection;
out vec2 vUv;
out vec4 vColour;

void main() {
    vUv = aUv;
    vColour = aColour;
    gl_Position = uProjection * vec4(aPos, 0.0, 1.0);
}
