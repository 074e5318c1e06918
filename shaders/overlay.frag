#version 330 core
// The overlay's texels (the font atlas, or an image) times the vertex colour.
uniform sampler2D uTexture;
in vec2 vUv;
in vec4 vColour;
out vec4 fragColor;

void main() {
    fragColor = vColour * texture(uTexture, vUv);
}
