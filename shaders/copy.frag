#version 330 core
// The source texel under the fragment (filtered as the sampler says): see copy.vert.
uniform sampler2D uSource;
in vec2 vUv;
out vec4 fragColor;

void main() {
    fragColor = texture(uSource, vUv);
}
