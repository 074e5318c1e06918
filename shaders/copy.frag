#version 330 core
// The source texel under the fragment (filtered as the sampler says): a stretched copy, drawn by
// hover.vert's COPY variant (ScaledCopyPass.java).
uniform sampler2D uSource;
in vec2 vUv;
out vec4 fragColor;

void main() {
    fragColor = texture(uSource, vUv);
}
