// Converts a planar YUV film frame to RGB for herken's film texture.
// The luma plane is binding 1; chroma is U and V (I420) or interleaved UV (NV12).
// Matrix coefficients and range come from the stream's caps, via YuvParams.
#import bevy_sprite::mesh2d_vertex_output::VertexOutput

struct YuvParams {
    // x: Kr, y: Kb, z: 1.0 for full range, w: 1.0 for NV12.
    coefficients: vec4<f32>,
    // Scales a luma texture coordinate to the chroma plane, whose size is rounded up.
    chroma_scale: vec4<f32>,
}

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> params: YuvParams;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var luma: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var plane_sampler: sampler;
@group(#{MATERIAL_BIND_GROUP}) @binding(3) var chroma_u: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(4) var chroma_v: texture_2d<f32>;

fn srgb_to_linear(value: vec3<f32>) -> vec3<f32> {
    let low = value / 12.92;
    let high = pow((value + 0.055) / 1.055, vec3<f32>(2.4));
    return select(high, low, value <= vec3<f32>(0.04045));
}

@fragment
fn fragment(mesh: VertexOutput) -> @location(0) vec4<f32> {
    let chroma_uv = mesh.uv * params.chroma_scale.xy;
    var y = textureSample(luma, plane_sampler, mesh.uv).r;
    var u = textureSample(chroma_u, plane_sampler, chroma_uv).r;
    var v = textureSample(chroma_v, plane_sampler, chroma_uv).r;
    if params.coefficients.w > 0.5 {
        let uv = textureSample(chroma_u, plane_sampler, chroma_uv).rg;
        u = uv.x;
        v = uv.y;
    }

    if params.coefficients.z > 0.5 {
        u = u - 128.0 / 255.0;
        v = v - 128.0 / 255.0;
    } else {
        y = (y - 16.0 / 255.0) * (255.0 / 219.0);
        u = (u - 128.0 / 255.0) * (255.0 / 224.0);
        v = (v - 128.0 / 255.0) * (255.0 / 224.0);
    }

    let kr = params.coefficients.x;
    let kb = params.coefficients.y;
    let kg = 1.0 - kr - kb;
    let r = y + 2.0 * (1.0 - kr) * v;
    let b = y + 2.0 * (1.0 - kb) * u;
    let g = (y - kr * r - kb * b) / kg;

    // The YUV values are gamma-encoded; the render target expects linear light.
    let rgb = clamp(vec3<f32>(r, g, b), vec3<f32>(0.0), vec3<f32>(1.0));
    return vec4<f32>(srgb_to_linear(rgb), 1.0);
}
