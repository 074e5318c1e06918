#version 330 core
// The overlay's cached layer (its windows that did not change, drawn premultiplied over transparency:
// OverlayRenderer.java) laid over the frame pixel for pixel, with (ONE, ONE_MINUS_SRC_ALPHA).
uniform sampler2D uLayer;
out vec4 fragColor;

void main() {
    fragColor = texelFetch(uLayer, ivec2(gl_FragCoord.xy), 0);
}
